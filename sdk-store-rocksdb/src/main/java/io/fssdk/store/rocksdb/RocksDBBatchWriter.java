package io.fssdk.store.rocksdb;

import io.fssdk.api.spi.WriteBatch;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * Turns the replayed writes of an fssdk {@link WriteBatch} into one native RocksDB write batch. The
 * {@link WriteBatch.Target} methods cannot throw {@link RocksDBException}, so the first failure is kept
 * and the rest are skipped; {@link #rethrow()} reports it before the batch is written.
 */
final class RocksDBBatchWriter implements WriteBatch.Target {
    /** Storage keys start with a tag below 0xFF, so this bounds an unbounded range delete. */
    private static final byte[] END_OF_KEYS = {(byte) 0xFF};

    private final RocksDBDatabase database;
    private final org.rocksdb.WriteBatch batch;
    private RocksDBException failure;

    RocksDBBatchWriter(RocksDBDatabase database, org.rocksdb.WriteBatch batch) {
        this.database = database;
        this.batch = batch;
    }

    @Override
    public void put(String store, byte[] key, byte[] value) {
        if (failure == null) {
            try {
                batch.put(database.family(store), key, value);
            } catch (RocksDBException e) {
                failure = e;
            }
        }
    }

    @Override
    public void delete(String store, byte[] key) {
        if (failure == null) {
            try {
                batch.delete(database.family(store), key);
            } catch (RocksDBException e) {
                failure = e;
            }
        }
    }

    @Override
    public void merge(String store, byte[] key, byte[] suffix) {
        if (failure == null) {
            try {
                batch.merge(database.family(store), key, suffix);
            } catch (RocksDBException e) {
                failure = e;
            }
        }
    }

    @Override
    public void deleteRange(String store, byte[] from, byte[] to) {
        if (failure == null) {
            try {
                ColumnFamilyHandle family = database.family(store);
                batch.deleteRange(family, from, to.length == 0 ? END_OF_KEYS : to);
            } catch (RocksDBException e) {
                failure = e;
            }
        }
    }

    /** Throws the first failure of a replay, if any. */
    void rethrow() throws RocksDBException {
        if (failure != null) {
            throw failure;
        }
    }
}
