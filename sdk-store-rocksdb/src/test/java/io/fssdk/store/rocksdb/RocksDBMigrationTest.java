package io.fssdk.store.rocksdb;

import static io.fssdk.runtime.testing.StoreAssertions.b;
import static io.fssdk.runtime.testing.StoreAssertions.ck;
import static io.fssdk.runtime.testing.StoreAssertions.scan;
import static io.fssdk.runtime.testing.StoreAssertions.str;
import static io.fssdk.runtime.testing.StoreAssertions.strs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.Store;
import io.fssdk.api.spi.StoreNames;
import io.fssdk.runtime.OperatorRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * The on-disk side of store namespaces (issue 13): column-family names, the creation marker, and the copy
 * of a legacy store, including a JVM halted in the middle of one.
 */
class RocksDBMigrationTest {
    private static final String IDENTITY = StoreNames.namespaced("counter", "counter-store");

    @TempDir
    Path tmp;

    @Test
    void columnFamiliesAreNamedByIdentityAndTheMarkerIsInvisible() throws RocksDBException {
        Path dir = tmp.resolve("db");
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir);
                Store s = backend.openStore(IDENTITY);
                Store shared = backend.openStore(StoreNames.shared("totals"))) {
            s.putState(b("hello"), b("2"));
            shared.putState(b("k"), b("v"));
            assertEquals(List.of("hello"), strs(s.listStates(b(""), b(""))), "the marker is in no key space");
            assertEquals(List.of(), scan(s, "", "", ""));
        }
        assertEquals(List.of("@/totals", "@counter/counter-store", "default"), columnFamilies(dir));
    }

    @Test
    void aLargeLegacyStoreIsCopiedExactlyInChunks() {
        Path dir = tmp.resolve("db");
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir)) {
            try (Store legacy = backend.openStore("counter-store")) {
                for (int i = 0; i < 300; i++) {
                    legacy.putState(b("k" + i), b("v" + i));
                    legacy.put(ck("g", "key" + (i % 7), "n", "u" + i), b("c" + i));
                }
                legacy.merge(ck("g", "m", "n", "u"), b("ab"));
                legacy.merge(ck("g", "m", "n", "u"), b("cd"));
            }
            backend.migrationChunkBytes(100);
            List<String> steps = new ArrayList<>();
            backend.steps(steps::add);
            try (Store copy = backend.openMigrating(IDENTITY, "counter-store");
                    Store legacy = backend.openStore("counter-store")) {
                assertTrue(steps.size() > 10, "written in chunks: " + steps.size());
                assertEquals(legacy.listStates(b(""), b("")).size(), copy.listStates(b(""), b("")).size());
                assertEquals(strs(legacy.listStates(b(""), b(""))), strs(copy.listStates(b(""), b(""))));
                for (int i = 0; i < 7; i++) {
                    assertEquals(scan(legacy, "g", "key" + i, "n"), scan(copy, "g", "key" + i, "n"));
                }
                assertEquals("abcd", str(copy.get(ck("g", "m", "n", "u"))));
                assertEquals("v42", str(copy.getState(b("k42"))));
                copy.putState(b("k42"), b("changed"));
                assertEquals("v42", str(legacy.getState(b("k42"))), "the legacy store is not touched");
            }
        }
    }

    @Test
    void aJvmHaltedInTheMiddleOfAMigrationLosesNothing() throws Exception {
        Path dir = tmp.resolve("db");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                MigrationHaltChild.class.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child finished");
        assertEquals(MigrationHaltChild.HALT_STATUS, child.exitValue(), () -> read(tmp.resolve("child.log")));
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir)) {
            // The halt left a column family with part of the copy and no marker: not created.
            ColumnFamilyHandle partial = backend.database().existing(IDENTITY);
            assertTrue(partial != null, "the copy had begun");
            assertFalse(RocksDBMigration.marked(backend.database().db(), partial));
            try (Store copy = backend.openMigrating(IDENTITY, "counter-store")) {
                assertEquals(MigrationHaltChild.ENTRIES, copy.listStates(b(""), b("")).size());
                for (int i = 0; i < MigrationHaltChild.ENTRIES; i++) {
                    assertEquals(Integer.toString(i), str(copy.getState(b("k" + i))));
                }
                copy.putState(b("k0"), b("after"));
            }
        }
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir);
                Store copy = backend.openMigrating(IDENTITY, "counter-store")) {
            assertEquals("after", str(copy.getState(b("k0"))), "a finished migration is never redone");
        }
    }

    @Test
    void aStoreCreatedWithoutMigrationIsNeverFilledLater() {
        Path dir = tmp.resolve("db");
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir)) {
            backend.openStore(IDENTITY).putState(b("hello"), b("1"));
            backend.openStore("counter-store").putState(b("hello"), b("5"));
        }
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir);
                Store s = backend.openMigrating(IDENTITY, "counter-store")) {
            assertEquals("1", str(s.getState(b("hello"))));
        }
    }

    @Test
    void aBatchIntoAStoreTheRestoredDatabaseLacksIsNeverWipedByALaterOpen() {
        // A restore made on the backend directly, under a live runner, to a checkpoint older than the runner's
        // store: the runner's next write-only call creates the column family from its batch. Unmarked, it
        // would look like an interrupted migration of the legacy store, and the next open would wipe it.
        Path dir = tmp.resolve("db");
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir)) {
            backend.openStore("s").putState(b("k"), b("legacy"));
            backend.checkpoint(1);
            Driver writeOnly = new Driver() {
                @Override
                public void process(Context ctx, int sourceId, byte[] data) {
                    ctx.getOrCreateStore("s").putState(b("k"), data);
                }
            };
            try (OperatorRunner runner = OperatorRunner.builder().operatorName("op").driver(writeOnly)
                    .stateBackend(backend).build()) {
                runner.init();
                runner.process(0, b("one"));
                backend.restore(1);
                runner.process(0, b("two"));
            }
        }
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir);
                Store s = backend.openMigrating(StoreNames.namespaced("op", "s"), "s")) {
            assertEquals("two", str(s.getState(b("k"))));
        }
    }

    private static List<String> columnFamilies(Path dir) throws RocksDBException {
        try (Options options = new Options()) {
            List<String> names = new ArrayList<>();
            for (byte[] name : RocksDB.listColumnFamilies(options, dir.toString())) {
                names.add(new String(name, StandardCharsets.UTF_8));
            }
            names.sort(null);
            return names;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
