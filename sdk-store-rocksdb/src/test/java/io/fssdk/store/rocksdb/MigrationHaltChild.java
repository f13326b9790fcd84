package io.fssdk.store.rocksdb;

import static io.fssdk.runtime.testing.StoreAssertions.b;

import io.fssdk.api.Store;
import io.fssdk.api.spi.StoreNames;
import java.nio.file.Path;

/**
 * The child JVM of {@link RocksDBMigrationTest}: writes a legacy (bare-named) store of {@link #ENTRIES}
 * entries, then starts migrating it in small chunks and halts the JVM (no shutdown hooks, no close) right
 * after the first chunk reached the database, with the creation marker not yet written.
 */
final class MigrationHaltChild {
    /** The exit status of the halt, so the test knows the child died where intended. */
    static final int HALT_STATUS = 78;
    /** How many entries the legacy store holds. */
    static final int ENTRIES = 500;

    private MigrationHaltChild() {
    }

    public static void main(String[] args) {
        RocksDBStateBackend backend = RocksDBStateBackend.open(Path.of(args[0]));
        try (Store legacy = backend.openStore("counter-store")) {
            for (int i = 0; i < ENTRIES; i++) {
                legacy.putState(b("k" + i), b(Integer.toString(i)));
            }
        }
        backend.migrationChunkBytes(64);
        backend.steps(step -> {
            if (step.equals("migration chunk written")) {
                Runtime.getRuntime().halt(HALT_STATUS);
            }
        });
        backend.openMigrating(StoreNames.namespaced("counter", "counter-store"), "counter-store");
        System.exit(1); // not reached
    }
}
