package io.fssdk.store.rocksdb;

import static io.fssdk.runtime.testing.StoreAssertions.b;
import static io.fssdk.runtime.testing.StoreAssertions.str;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.spi.CheckpointInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes in the middle of restores and checkpoints. The regression this guards against: a restore
 * used to delete the live database and then copy the checkpoint file by file, {@code CURRENT} fourth of
 * five, so a crash after 0–3 files left a directory that a plain {@code open()} took for a new, empty
 * database: every count was gone, with no error.
 */
class RocksDBCrashSafetyTest {
    @TempDir
    Path tmp;

    /** Stands in for the process dying at a step: an Error, so no catch block of the backend handles it. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String step) {
            super("simulated crash at: " + step, null, false, false);
        }
    }

    /** Checkpoint 1 holds {@code k0..k299 = "a"}; the live database then holds {@code k0..k449 = "b"}. */
    private static RocksDBStateBackend prepared(Path dir) {
        RocksDBStateBackend backend = RocksDBStateBackend.open(dir);
        Store s = backend.openStore("s");
        for (int i = 0; i < 300; i++) {
            s.putState(b("k" + i), b("a"));
            if (i == 150) {
                backend.checkpoint(0); // a flush, so the checkpoint has more than one SST file
            }
        }
        backend.checkpoint(1, b("line=300"));
        for (int i = 0; i < 450; i++) {
            s.putState(b("k" + i), b("b"));
        }
        return backend;
    }

    private static Map<String, String> contents(Path dir) {
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir)) {
            Store s = backend.openStore("s");
            Map<String, String> out = new TreeMap<>();
            for (byte[] k : s.listStates(b(""), b(""))) {
                out.put(new String(k, java.nio.charset.StandardCharsets.ISO_8859_1), str(s.getState(k)));
            }
            return out;
        }
    }

    private static Map<String, String> all(int n, String value) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            out.put("k" + i, value);
        }
        return out;
    }

    @Test
    void aCrashAtAnyStepOfARestoreLeavesTheOldOrTheRestoredDatabase() throws IOException {
        Map<String, String> old = all(450, "b");
        Map<String, String> restored = all(300, "a");
        List<String> outcomes = new ArrayList<>();
        for (int crashAt = 0; ; crashAt++) {
            Path dir = tmp.resolve("db" + crashAt);
            RocksDBStateBackend backend = prepared(dir);
            int at = crashAt;
            List<String> seen = new ArrayList<>();
            backend.steps(step -> {
                seen.add(step);
                if (seen.size() - 1 == at) {
                    throw new SimulatedCrash(step);
                }
            });
            boolean crashed;
            try {
                backend.restore(1);
                crashed = false;
            } catch (SimulatedCrash e) {
                crashed = true;
            } finally {
                backend.close(); // the process is gone: its lock and natives are released
            }
            Map<String, String> after = contents(dir);
            String step = crashed ? seen.get(seen.size() - 1) : "no crash";
            assertTrue(after.equals(old) || after.equals(restored), "crash at `" + step + "`: " + after.size() + " keys");
            boolean switched = seen.contains("moved the restored directory in")
                    || seen.contains("moved the live directory aside");
            assertEquals(switched ? restored : old, after, "crash at `" + step + "`");
            assertFalse(Files.exists(RocksDBFiles.staging(dir.toAbsolutePath())), "no staging directory is left");
            assertFalse(Files.exists(RocksDBFiles.replaced(dir.toAbsolutePath())), "no replaced directory is left");
            outcomes.add(step + " -> " + (after.equals(old) ? "old" : "restored"));
            if (!crashed) {
                break;
            }
        }
        assertTrue(outcomes.stream().filter(o -> o.startsWith("copied ")).count() >= 5,
                "crashed after each copied file: " + outcomes);
        assertTrue(outcomes.contains("moved the live directory aside -> restored"), outcomes::toString);
    }

    @Test
    void aCrashBetweenTheCheckpointAndItsMarkerLeavesThePreviousOneLatest() {
        Path dir = tmp.resolve("db");
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir)) {
            Store s = backend.openStore("s");
            s.putState(b("k"), b("1"));
            backend.checkpoint(1, b("one"));
            s.putState(b("k"), b("2"));
            backend.steps(step -> {
                if (step.equals("checkpoint written")) {
                    throw new SimulatedCrash(step);
                }
            });
            assertThrows(SimulatedCrash.class, () -> backend.checkpoint(2, b("two")));
            backend.steps(RocksDBFiles.NO_STEPS);
            assertTrue(Files.isRegularFile(backend.checkpointPath(2).resolve("CURRENT")), "RocksDB's part is there");
            assertEquals(new CheckpointInfo(1, b("one")), backend.latestCheckpoint().orElseThrow());
            SdkException e = assertThrows(SdkException.class, () -> backend.restore(2));
            assertEquals(ErrorCode.STORE_IO, e.code());
            assertTrue(e.getMessage().contains("incomplete") && e.getMessage().contains(dir.toAbsolutePath().toString()),
                    e.getMessage());
            assertEquals("2", str(s.getState(b("k"))), "the refused restore changed and closed nothing");
            // The same id can be taken again: the leftover is replaced.
            backend.checkpoint(2, b("two"));
            assertEquals(new CheckpointInfo(2, b("two")), backend.latestCheckpoint().orElseThrow());
        }
    }

    @Test
    void aJvmHaltedBetweenTheCheckpointAndItsMarkerLeavesThePreviousOneLatest() throws Exception {
        Path dir = tmp.resolve("db");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CheckpointHaltChild.class.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child finished");
        assertEquals(CheckpointHaltChild.HALT_STATUS, child.exitValue(), () -> read(tmp.resolve("child.log")));
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir)) {
            assertEquals(new CheckpointInfo(1, b("one")), backend.latestCheckpoint().orElseThrow());
            assertEquals("2", str(backend.openStore("s").getState(b("k"))), "committed writes survived the halt");
            assertEquals(ErrorCode.STORE_IO, assertThrows(SdkException.class, () -> backend.restore(2)).code());
            assertEquals(new CheckpointInfo(1, b("one")), backend.restore(1));
            assertEquals("1", str(backend.openStore("s").getState(b("k"))));
        }
    }

    @Test
    void missingIncompleteOrCorruptCheckpointsAreRefusedAndChangeNothingOnDisk() throws IOException {
        Path dir = tmp.resolve("db");
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir)) {
            Store s = backend.openStore("s");
            s.putState(b("k"), b("1"));
            backend.checkpoint(1);
            backend.checkpoint(2);
            backend.checkpoint(3);
            s.putState(b("k"), b("live"));
            // Corrupt 2's marker, and 3's MANIFEST (RocksDB cannot open it).
            Path marker = backend.checkpointPath(2).resolve(RocksDBCheckpoints.MARKER);
            byte[] bytes = Files.readAllBytes(marker);
            bytes[bytes.length - 1] ^= 1;
            Files.write(marker, bytes);
            try (Stream<Path> files = Files.list(backend.checkpointPath(3))) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith("MANIFEST")).toList()) {
                    Files.write(f, b("not a manifest"));
                }
            }
            List<String> before = listing(tmp);
            SdkException missing = assertThrows(SdkException.class, () -> backend.restore(9));
            assertEquals(ErrorCode.STORE_NOT_FOUND, missing.code());
            assertTrue(missing.getMessage().contains(backend.checkpointPath(9).toString()), missing.getMessage());
            SdkException badMarker = assertThrows(SdkException.class, () -> backend.restore(2));
            assertEquals(ErrorCode.STORE_IO, badMarker.code());
            assertTrue(badMarker.getMessage().contains("corrupt"), badMarker.getMessage());
            SdkException badFiles = assertThrows(SdkException.class, () -> backend.restore(3));
            assertEquals(ErrorCode.STORE_IO, badFiles.code());
            assertTrue(badFiles.getMessage().contains(backend.checkpointPath(3).toString()), badFiles.getMessage());
            assertEquals(before, listing(tmp), "nothing changed on disk");
            assertEquals("live", str(s.getState(b("k"))), "nothing was closed");
            assertArrayEquals(b(""), backend.restore(1).metadata());
            assertEquals("1", str(backend.openStore("s").getState(b("k"))));
        }
    }

    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> !p.getFileName().toString().startsWith("LOG"))
                    .map(p -> root.relativize(p) + (Files.isRegularFile(p) ? " " + p.toFile().length() : ""))
                    .sorted().toList();
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
