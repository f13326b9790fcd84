package io.fssdk.runtime.wasi;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * The bytes a guest draws from
 * <a href="https://github.com/WebAssembly/wasi-random/blob/v0.2.0/wit/random.wit">{@code wasi:random/random}</a>,
 * {@code insecure} and {@code insecure-seed}. The default is {@link #secure()}; inject {@link #seeded(long)}
 * for deterministic tests. Implementations must be thread-safe when instances run on several threads.
 */
@FunctionalInterface
public interface WasiRandomSource {
    /** Fills {@code bytes} with random bytes. */
    void nextBytes(byte[] bytes);

    /** A cryptographically strong source ({@link SecureRandom}). */
    static WasiRandomSource secure() {
        SecureRandom random = new SecureRandom();
        return random::nextBytes;
    }

    /**
     * A deterministic, <em>insecure</em> source: the same seed gives the same bytes, for reproducible
     * tests only.
     */
    static WasiRandomSource seeded(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return bytes -> {
            synchronized (random) {
                random.nextBytes(bytes);
            }
        };
    }
}
