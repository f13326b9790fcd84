package io.fssdk.benchmarks;

import io.fssdk.api.Store;
import io.fssdk.api.spi.StoreNames;
import io.fssdk.examples.CounterOperator;
import io.fssdk.store.rocksdb.RocksDBStateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * RocksDB databases that already hold N counter keys, for the state-size benchmark. Filling 10 million
 * keys through a guest would take longer than the whole suite, so the keys are written straight through
 * the {@link Store} API in the counter's own format (store {@value CounterOperator#STORE_NAME}, key =
 * the word, as the counter writes it with no key prefix, value = a decimal count).
 *
 * <p>A filled database is kept, and reused by later forks and runs, under {@code $FSSDK_BENCH_STATE}
 * (default {@code <java.io.tmpdir>/fssdk-bench-state}); a marker file written after a clean close tells
 * a complete one from an interrupted fill, which is thrown away. An environment variable, not a system
 * property, because JMH's forks inherit the environment.
 */
public final class PrefilledState {
    // Versioned: directories filled before store namespaces (issue 13) hold the bare store name; refill them.
    private static final String MARKER = "prefilled-namespaced.ok";
    private static final byte[] ONE = {'1'};
    /** The operator name the prefilled counts belong to: the store lives in its namespace. */
    static final String OPERATOR = "counter";

    private PrefilledState() {
    }

    /** The word for key number {@code i}: 12 bytes, {@code w} and 11 digits, so all sort by number. */
    public static byte[] word(long i) {
        return String.format("w%011d", i).getBytes(StandardCharsets.US_ASCII);
    }

    /** The directory of a database holding words 0 to {@code keys - 1}, filled first if needed. */
    public static Path database(int keys) {
        String root = System.getenv("FSSDK_BENCH_STATE");
        Path base = root != null && !root.isBlank()
                ? Path.of(root)
                : Path.of(System.getProperty("java.io.tmpdir"), "fssdk-bench-state");
        Path dir = base.resolve("keys-" + keys);
        try {
            if (!Files.exists(dir.resolve(MARKER))) {
                TempFiles.deleteTree(dir);
                fill(dir, keys);
                Files.createFile(dir.resolve(MARKER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve("db");
    }

    private static void fill(Path dir, int keys) {
        long start = System.nanoTime();
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir.resolve("db"));
             Store store = backend.openStore(StoreNames.namespaced(OPERATOR, CounterOperator.STORE_NAME))) {
            for (int i = 0; i < keys; i++) {
                store.putState(word(i), ONE);
            }
        }
        System.err.printf("[state-size] wrote %,d keys in %.1f s to %s%n", keys,
                (System.nanoTime() - start) / 1e9, dir);
    }
}
