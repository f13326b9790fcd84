package io.fssdk.store.rocksdb;

import io.fssdk.api.StoreEntry;
import io.fssdk.api.StoreIterator;
import io.fssdk.api.spi.KeyCodec;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;

/**
 * A {@link StoreIterator} over one (keyGroup, key, namespace) prefix, read through a RocksDB
 * {@link Snapshot} taken when the scan begins, so later writes (including range deletes) are not seen.
 * RocksDB streams the entries; {@code iterate_upper_bound} stops the native iterator at the end of the
 * prefix.
 *
 * <p>It owns four native objects, freed in {@link #close()} in dependency order: the iterator, its read
 * options, the bound slice the options point at, and the snapshot.
 */
final class RocksDBStoreIterator implements StoreIterator {
    private final RocksDBStore store;
    private final RocksDB db;
    private final Snapshot snapshot;
    private final Slice upperBound;
    private final ReadOptions options;
    private final RocksIterator iterator;
    private final int prefixLength;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Takes the snapshot and positions the iterator; the caller holds the backend's shared lock. */
    RocksDBStoreIterator(RocksDBStore store, RocksDB db, ColumnFamilyHandle family, byte[] prefix) {
        this.store = store;
        this.db = db;
        this.prefixLength = prefix.length;
        this.snapshot = db.getSnapshot();
        this.upperBound = new Slice(KeyCodec.prefixEnd(prefix));
        this.options = new ReadOptions().setSnapshot(snapshot).setIterateUpperBound(upperBound);
        this.iterator = db.newIterator(family, options);
        iterator.seek(prefix);
    }

    @Override
    public boolean hasNext() {
        return store.call("scan-complex", this::valid);
    }

    @Override
    public StoreEntry next() {
        return store.call("scan-complex", () -> {
            if (!valid()) {
                throw new NoSuchElementException("store `" + store.name() + "`: no more entries in this scan");
            }
            byte[] storageKey = iterator.key();
            StoreEntry entry = new StoreEntry(Arrays.copyOfRange(storageKey, prefixLength, storageKey.length),
                    iterator.value());
            iterator.next();
            return entry;
        });
    }

    /** Frees the native iterator and releases the snapshot. Idempotent. */
    @Override
    public void close() {
        Lock lock = store.sharedLock();
        lock.lock();
        try {
            if (closed.compareAndSet(false, true)) {
                iterator.close();
                options.close();
                upperBound.close();
                db.releaseSnapshot(snapshot);
                store.forget(this);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether the iterator is on an entry; runs under the shared lock, so the natives are alive if open. */
    private boolean valid() throws RocksDBException {
        if (closed.get()) {
            throw RocksDBErrors.closed("store `" + store.name() + "`: iterator");
        }
        if (iterator.isValid()) {
            return true;
        }
        // An invalid iterator is either at the end or failed; status() throws in the second case.
        iterator.status();
        return false;
    }
}
