package io.fssdk.store.rocksdb;

import static io.fssdk.runtime.testing.StoreAssertions.b;
import static io.fssdk.runtime.testing.StoreAssertions.ck;
import static io.fssdk.runtime.testing.StoreAssertions.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.StoreIterator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** What only the RocksDB backend has: files, column families, native handles and RocksDB errors. */
class RocksDBStateBackendTest {
    @TempDir
    Path tmp;

    @Test
    void reopeningTheDirectorySeesTheData() {
        Path dir = tmp.resolve("db");
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir)) {
            Store s = backend.openStore("counts");
            s.putState(b("k"), b("v"));
            s.merge(key("m"), b("a"));
            s.merge(key("m"), b("b"));
            s.put(key("gone"), b("x"));
            s.deletePrefix(key("g"));
            backend.openStore("other").putState(b("k"), b("w"));
        }
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir)) {
            Store s = backend.openStore("counts");
            assertEquals("v", str(s.getState(b("k"))));
            assertEquals("ab", str(s.get(key("m"))), "merge operands survive a reopen");
            assertTrue(s.get(key("gone")).isEmpty(), "range deletes survive a reopen");
            assertEquals("w", str(backend.openStore("other").getState(b("k"))));
        }
    }

    @Test
    void eachStoreIsAColumnFamily() throws RocksDBException {
        Path dir = tmp.resolve("db");
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir)) {
            backend.openStore("a").putState(b("k"), b("v"));
            backend.openStore(" b ").putState(b("k"), b("v"));
            backend.openStore("b");
        }
        List<String> families = new ArrayList<>();
        try (Options options = new Options()) {
            RocksDB.listColumnFamilies(options, dir.toString()).forEach(n -> families.add(new String(n, StandardCharsets.UTF_8)));
        }
        families.sort(null);
        assertEquals(List.of("a", "b", "default"), families);
    }

    @Test
    void checkpointsLiveBesideTheDatabaseAndOpenAsCopies() {
        Path dir = tmp.resolve("db");
        Path copy = tmp.resolve("copy");
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir)) {
            assertEquals(tmp.resolve("db-checkpoints").toAbsolutePath(), backend.checkpointDirectory());
            Store s = backend.openStore("s");
            s.putState(b("k"), b("at checkpoint"));
            backend.checkpoint(3);
            s.putState(b("k"), b("after"));
            assertTrue(Files.isRegularFile(backend.checkpointPath(3).resolve("CURRENT")));
            try (RocksDBStateBackend restored = RocksDBStateBackend.builder().directory(copy)
                    .restoreFrom(backend.checkpointPath(3)).build()) {
                Store r = restored.openStore("s");
                assertEquals("at checkpoint", str(r.getState(b("k"))));
                r.putState(b("k"), b("changed in the copy"));
            }
            // The copy is independent: neither the live database nor the checkpoint saw its write.
            assertEquals("after", str(s.getState(b("k"))));
            backend.restore(3);
            assertEquals("at checkpoint", str(backend.openStore("s").getState(b("k"))));
        }
    }

    @Test
    void checkpointsSurviveARestartAndKeepTheirIds() {
        Path dir = tmp.resolve("db");
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir)) {
            backend.openStore("s").putState(b("k"), b("v1"));
            backend.checkpoint(1);
            backend.openStore("s").putState(b("k"), b("v2"));
        }
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir)) {
            assertCode(ErrorCode.CONFIG_INVALID, () -> backend.checkpoint(1));
            backend.restore(1);
            assertEquals("v1", str(backend.openStore("s").getState(b("k"))));
        }
    }

    @Test
    void closeFreesEveryHandleAndIsIdempotent() throws RocksDBException {
        Path dir = tmp.resolve("db");
        RocksDBStateBackend backend = RocksDBStateBackend.open(dir);
        Store s = backend.openStore("s");
        s.put(key("u"), b("v"));
        RocksDB db = backend.database().db();
        StoreIterator first = s.scanComplex(b("g"), b("k"), b("n"));
        StoreIterator second = s.scanComplex(b("g"), b("k"), b("n"));
        assertEquals(2, db.getLongProperty("rocksdb.num-snapshots"));
        first.close();
        assertEquals(1, db.getLongProperty("rocksdb.num-snapshots"), "closing an iterator releases its snapshot");
        s.close();
        assertEquals(0, db.getLongProperty("rocksdb.num-snapshots"), "closing a store releases its iterators' snapshots");
        backend.openStore("t").scanComplex(b("g"), b("k"), b("n"));
        backend.close();
        assertFalse(db.isOwningHandle(), "the database is freed");
        backend.close();
        second.close();
        // The directory lock is released, so the database can be opened again.
        try (RocksDBStateBackend again = RocksDBStateBackend.open(dir)) {
            assertEquals("v", str(again.openStore("s").get(key("u"))));
        }
    }

    @Test
    void aRocksDBFailureIsStoreIoNamingTheDirectory() {
        Path dir = tmp.resolve("db");
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir)) {
            backend.openStore("s").putState(b("k"), b("v"));
            SdkException e = assertThrows(SdkException.class, () -> RocksDBStateBackend.open(dir));
            assertEquals(ErrorCode.STORE_IO, e.code());
            assertTrue(e.getMessage().contains(dir.toAbsolutePath().toString()), e.getMessage());
            assertTrue(e.getCause() instanceof RocksDBException);
            assertEquals("v", str(backend.openStore("s").getState(b("k"))), "the first backend is unaffected");
        }
    }

    @Test
    void aRocksDBFailureInAStoreNamesTheStore() {
        RocksDBException cause = new RocksDBException("disk on fire");
        SdkException e = RocksDBErrors.store("counts", "put", cause);
        assertEquals(ErrorCode.STORE_IO, e.code());
        assertEquals("store_io: store `counts`: put failed: disk on fire", e.getMessage());
        assertSame(cause, e.getCause());
    }

    @Test
    void builderValidatesItsOptions() {
        assertCode(ErrorCode.CONFIG_INVALID, () -> RocksDBStateBackend.builder().build());
        Path dir = tmp.resolve("db");
        assertCode(ErrorCode.CONFIG_INVALID,
                () -> RocksDBStateBackend.builder().directory(dir).checkpointDirectory(dir.resolve("cp")).build());
        assertCode(ErrorCode.CONFIG_INVALID,
                () -> RocksDBStateBackend.builder().directory(dir).checkpointDirectory(tmp).build());
        assertCode(ErrorCode.STORE_NOT_FOUND,
                () -> RocksDBStateBackend.builder().directory(dir).createIfMissing(false).build());
        assertCode(ErrorCode.STORE_NOT_FOUND,
                () -> RocksDBStateBackend.builder().directory(dir).restoreFrom(tmp.resolve("nothing")).build());
        assertFalse(Files.exists(dir), "a rejected configuration creates nothing");
        Path checkpoints = tmp.resolve("elsewhere");
        try (RocksDBStateBackend backend = RocksDBStateBackend.builder().directory(dir)
                .checkpointDirectory(checkpoints).build()) {
            backend.checkpoint(-1);
            assertTrue(Files.isDirectory(checkpoints.resolve("-1")));
        }
        try (RocksDBStateBackend backend = RocksDBStateBackend.builder().directory(dir).createIfMissing(false).build()) {
            assertEquals(dir.toAbsolutePath(), backend.directory());
        }
    }

    private static void assertCode(ErrorCode code, Executable call) {
        SdkException e = assertThrows(SdkException.class, call);
        assertEquals(code, e.code(), e::getMessage);
    }

    private static ComplexKey key(String userKey) {
        return ck("g", "k", "n", userKey);
    }
}
