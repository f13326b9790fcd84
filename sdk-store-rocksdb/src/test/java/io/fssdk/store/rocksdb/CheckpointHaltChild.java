package io.fssdk.store.rocksdb;

import static io.fssdk.runtime.testing.StoreAssertions.b;

import java.nio.file.Path;

/**
 * The child JVM of {@link RocksDBCrashSafetyTest}: takes checkpoint 1, writes, then halts the JVM (no
 * shutdown hooks, no close) between RocksDB's part of checkpoint 2 and its commit marker.
 */
final class CheckpointHaltChild {
    /** The exit status of the halt, so the test knows the child died where intended. */
    static final int HALT_STATUS = 77;

    private CheckpointHaltChild() {
    }

    public static void main(String[] args) {
        RocksDBStateBackend backend = RocksDBStateBackend.open(Path.of(args[0]));
        backend.openStore("s").putState(b("k"), b("1"));
        backend.checkpoint(1, b("one"));
        backend.openStore("s").putState(b("k"), b("2"));
        backend.steps(step -> {
            if (step.equals("checkpoint written")) {
                Runtime.getRuntime().halt(HALT_STATUS);
            }
        });
        backend.checkpoint(2, b("two"));
        System.exit(1); // not reached
    }
}
