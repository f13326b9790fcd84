package io.fssdk.store.rocksdb;

import io.fssdk.api.spi.StoreNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Creation markers of namespaced stores, and the copy of a legacy (bare-named) store into one.
 *
 * <p><b>Why a marker.</b> RocksDB cannot create a column family and write to it in one atomic step, nor
 * rename one. So a store whose name is an identity ({@link StoreNames#isIdentity}) counts as created only
 * once its column family holds the marker key {@link #MARKER_KEY}, written when the store is first opened,
 * in the same write batch as the last part of a migration copy. The key is {@code 0x00}, below both
 * {@link io.fssdk.api.spi.KeyCodec} tags, so no list, scan or range delete of a store ever reaches it.
 *
 * <p><b>Why this is crash-safe.</b> Until the marker is written, nothing but the copy writes to the column
 * family: the runner writes only through a handle, and a handle is returned only after the marker. The copy
 * is written in chunks (a large store does not fit one batch on the heap), the marker with the last one. A
 * crash before that leaves an unmarked column family holding part of the copy; the next open wipes it and
 * copies again from the legacy store, which the copy never changes. The write-ahead log keeps batches in
 * order, so even when a power cut loses the tail of an unsynced log, a surviving later write implies a
 * surviving marker.
 */
final class RocksDBMigration {
    /** The key of the creation marker: below every storage key. */
    static final byte[] MARKER_KEY = {0x00};
    /** What the marker holds: the layout version, for tools that look. */
    static final byte[] MARKER_VALUE = "fssdk-store/1".getBytes(StandardCharsets.US_ASCII);
    /** The default size of one chunk of a copy, in bytes of keys and values. */
    static final long DEFAULT_CHUNK_BYTES = 4L << 20;
    /** Storage keys start with a tag below 0xFF, so [empty, 0xFF) covers every key a store can hold. */
    private static final byte[] ALL_END = {(byte) 0xFF};

    // One migration at a time: two runners of one namespace may open the same new store together.
    private final Object migrating = new Object();
    /** The chunk size of a copy; a test seam, small in tests to get several chunks. */
    private volatile long chunkBytes = DEFAULT_CHUNK_BYTES;

    /** Sets the chunk size of copies. */
    void chunkBytes(long bytes) {
        this.chunkBytes = bytes;
    }

    /**
     * The column family of identity store {@code name} in {@code db}: created, marked, and filled from the
     * column family {@code legacy} (when not null and it exists) if the store was not created before.
     * Called under the backend's shared lock.
     */
    ColumnFamilyHandle created(RocksDBDatabase db, String name, String legacy, WriteOptions options,
            RocksDBFiles.Steps steps) throws RocksDBException, IOException {
        if (db.isCreated(name)) {
            return db.family(name);
        }
        synchronized (migrating) {
            ColumnFamilyHandle existing = db.existing(name);
            if (existing == null || !marked(db.db(), existing)) {
                ColumnFamilyHandle source = legacy == null ? null : db.existing(legacy);
                ColumnFamilyHandle family = db.family(name);
                if (source != null) {
                    copy(db.db(), source, family, options, chunkBytes, steps);
                } else {
                    mark(db.db(), family, options);
                }
            }
            db.created(name);
            return db.family(name);
        }
    }

    /** Whether the column family of identity store {@code family} holds its creation marker. */
    static boolean marked(RocksDB db, ColumnFamilyHandle family) throws RocksDBException {
        return db.get(family, MARKER_KEY) != null;
    }

    /** Writes the creation marker of an empty, new store. */
    static void mark(RocksDB db, ColumnFamilyHandle family, WriteOptions options) throws RocksDBException {
        db.put(family, options, MARKER_KEY, MARKER_VALUE);
    }

    /**
     * Replaces whatever {@code to} holds (a partial copy of an earlier, interrupted migration) with a copy of
     * every entry of {@code from} as of one snapshot, and marks {@code to} created in the batch of the last
     * chunk. {@code steps} is called after each chunk that is not the last, for the crash tests.
     */
    static void copy(RocksDB db, ColumnFamilyHandle from, ColumnFamilyHandle to, WriteOptions options,
            long chunkBytes, RocksDBFiles.Steps steps) throws RocksDBException, IOException {
        Snapshot snapshot = db.getSnapshot();
        try (ReadOptions read = new ReadOptions().setSnapshot(snapshot);
                RocksIterator it = db.newIterator(from, read);
                WriteBatch batch = new WriteBatch()) {
            batch.deleteRange(to, new byte[0], ALL_END);
            long size = 0;
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] key = it.key();
                byte[] value = it.value();
                batch.put(to, key, value);
                size += key.length + value.length;
                if (size >= chunkBytes) {
                    db.write(options, batch);
                    batch.clear();
                    size = 0;
                    steps.reached("migration chunk written");
                }
            }
            it.status();
            batch.put(to, MARKER_KEY, MARKER_VALUE);
            db.write(options, batch);
        } finally {
            db.releaseSnapshot(snapshot);
        }
    }
}
