package io.fssdk.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs {@code fssdk} in this JVM with captured streams. */
final class Cli {
    /** The repository root (surefire runs in the module's directory). */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path COUNTER_WASM = ROOT.resolve("examples/guests/c/counter.wasm");
    static final Path COUNTER_CONFIG = ROOT.resolve("examples/guests/c/config.yaml");
    static final Path MISBEHAVE_WASM = ROOT.resolve("examples/guests/c/misbehave.wasm");

    private Cli() {
    }

    /** What a command did. */
    record Result(int exitCode, String out, String err) {
    }

    static Result withStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = FssdkMain.execute(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e,
                    false);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result run(String... args) {
        return withStdin("", args);
    }
}
