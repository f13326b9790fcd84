package io.fssdk.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The inputs of a peer workload, named the same way in every peer host (JVM, node, wasmtime):
 * {@code words:<file>} (the file's non-blank lines, UTF-8, in order), {@code payload64} (64 bytes of
 * {@code 'x'}, the canonical-ABI benchmark's payload) or {@code text:<s>} (one fixed input).
 */
final class PeerInputs {
    private PeerInputs() {
    }

    /** The inputs named by {@code spec}, cycled by the workload. */
    static byte[][] parse(String spec) throws IOException {
        if (spec.startsWith("words:")) {
            List<String> lines = Files.readAllLines(Path.of(spec.substring("words:".length())), StandardCharsets.UTF_8);
            return lines.stream().filter(l -> !l.isBlank()).map(l -> l.getBytes(StandardCharsets.UTF_8))
                    .toArray(byte[][]::new);
        }
        if (spec.equals("payload64")) {
            byte[] payload = new byte[64];
            Arrays.fill(payload, (byte) 'x');
            return new byte[][] {payload};
        }
        if (spec.startsWith("text:")) {
            return new byte[][] {spec.substring("text:".length()).getBytes(StandardCharsets.UTF_8)};
        }
        throw new IllegalArgumentException("unknown input " + spec);
    }
}
