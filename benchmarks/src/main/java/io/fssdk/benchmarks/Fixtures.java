package io.fssdk.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The inputs every benchmark shares: the guest binaries (carried in the jar, so it runs from any
 * directory) and the fixed set of 100 distinct words the counters count. The peer script reads the same
 * {@code words.txt}, so both sides count the same records in the same order.
 */
public final class Fixtures {
    private static final String BASE = "/io/fssdk/benchmarks/";

    private Fixtures() {
    }

    /** The C counter component, {@code examples/guests/c/counter.wasm}. */
    public static byte[] counterComponent() {
        return resource("guests/counter.wasm");
    }

    /** {@code benchmarks/guests/emit-once.wasm}: fs-process emits its input once. */
    public static byte[] emitOnceComponent() {
        return resource("guests/emit-once.wasm");
    }

    /** {@code benchmarks/guests/emit-once-bump.wasm}: the same, with a bump allocator as cabi_realloc. */
    public static byte[] emitOnceBumpComponent() {
        return resource("guests/emit-once-bump.wasm");
    }

    /** {@code benchmarks/guests/host-calls.wasm}: fs-process makes N get-state or put-state calls. */
    public static byte[] hostCallsComponent() {
        return resource("guests/host-calls.wasm");
    }

    /** {@code benchmarks/guests/raw-emit.wasm}: a core module whose process(ptr, len) calls emit(ptr, len). */
    public static byte[] rawEmitModule() {
        return resource("guests/raw-emit.wasm");
    }

    /** The 100 distinct words, UTF-8, in file order. */
    public static byte[][] words() {
        List<String> lines = new String(resource("words.txt"), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank())
                .toList();
        byte[][] words = new byte[lines.size()][];
        for (int i = 0; i < words.length; i++) {
            words[i] = lines.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return words;
    }

    private static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BASE + name + " (rebuild the benchmarks jar)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
