package io.fssdk.runtime.wasi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a run of a command component produced: see {@link WasiCommand#run}.
 *
 * @param exitCode 0 when {@code run} returned {@code ok}, 1 when it returned {@code err}, else the status
 *     the guest passed to {@code wasi:cli/exit}
 * @param stdout everything the guest wrote to stdout
 * @param stderr everything the guest wrote to stderr
 */
public record WasiRunResult(int exitCode, byte[] stdout, byte[] stderr) {
    /** Copies the arrays. */
    public WasiRunResult {
        stdout = Objects.requireNonNull(stdout, "stdout").clone();
        stderr = Objects.requireNonNull(stderr, "stderr").clone();
    }

    /** A copy of stdout. */
    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    /** A copy of stderr. */
    @Override
    public byte[] stderr() {
        return stderr.clone();
    }

    /** Stdout decoded as UTF-8. */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Stderr decoded as UTF-8. */
    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WasiRunResult r && exitCode == r.exitCode
                && Arrays.equals(stdout, r.stdout) && Arrays.equals(stderr, r.stderr);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * exitCode + Arrays.hashCode(stdout)) + Arrays.hashCode(stderr);
    }

    @Override
    public String toString() {
        return "WasiRunResult[exitCode=" + exitCode + ", stdout=" + stdout.length + " bytes, stderr="
                + stderr.length + " bytes]";
    }
}
