package io.fssdk.store.rocksdb;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.Store;
import io.fssdk.api.StoreIterator;
import io.fssdk.api.spi.KeyCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A handle on one column family. Keys are {@link KeyCodec} storage keys; arrays cross JNI by copy in
 * both directions, which gives the defensive copies the contract asks for.
 *
 * <p>Every call holds the backend's shared lock and checks that the handle is open inside it, so a
 * concurrent {@link RocksDBStateBackend#close()} or {@code restore} can never free a native object that
 * a call is using.
 */
final class RocksDBStore implements Store {
    /** A RocksDB call with a result. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws RocksDBException;
    }

    /** A RocksDB call without a result. */
    @FunctionalInterface
    interface Action {
        void run() throws RocksDBException;
    }

    private final String name;
    private final RocksDBStateBackend backend;
    private final RocksDB db;
    private final ColumnFamilyHandle family;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<RocksDBStoreIterator> iterators = ConcurrentHashMap.newKeySet();

    RocksDBStore(String name, RocksDBStateBackend backend, RocksDB db, ColumnFamilyHandle family) {
        this.name = name;
        this.backend = backend;
        this.db = db;
        this.family = family;
    }

    /** The trimmed name, which is also the column family's name; available even after close. */
    @Override
    public String name() {
        return name;
    }

    @Override
    public void putState(byte[] key, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        run("put-state", () -> db.put(family, KeyCodec.byteKey(key), value));
    }

    @Override
    public Optional<byte[]> getState(byte[] key) {
        Objects.requireNonNull(key, "key");
        return call("get-state", () -> Optional.ofNullable(db.get(family, KeyCodec.byteKey(key))));
    }

    @Override
    public void deleteState(byte[] key) {
        Objects.requireNonNull(key, "key");
        run("delete-state", () -> db.delete(family, KeyCodec.byteKey(key)));
    }

    @Override
    public List<byte[]> listStates(byte[] startInclusive, byte[] endExclusive) {
        Objects.requireNonNull(startInclusive, "startInclusive");
        Objects.requireNonNull(endExclusive, "endExclusive");
        return call("list-states",
                () -> keys(KeyCodec.byteRangeStart(startInclusive), KeyCodec.byteRangeEnd(endExclusive), 1));
    }

    @Override
    public void put(ComplexKey key, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        run("put", () -> db.put(family, KeyCodec.complexKey(key), value));
    }

    @Override
    public Optional<byte[]> get(ComplexKey key) {
        Objects.requireNonNull(key, "key");
        return call("get", () -> Optional.ofNullable(db.get(family, KeyCodec.complexKey(key))));
    }

    @Override
    public void delete(ComplexKey key) {
        Objects.requireNonNull(key, "key");
        run("delete", () -> db.delete(family, KeyCodec.complexKey(key)));
    }

    /**
     * Appends {@code value} through RocksDB's string-append merge operator, configured with an empty
     * delimiter so that the result is the exact concatenation (see {@link RocksDBDatabase#open}).
     */
    @Override
    public void merge(ComplexKey key, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        run("merge", () -> db.merge(family, KeyCodec.complexKey(key), value));
    }

    /** Removes the prefix with one range tombstone ({@code DeleteRange}), never key by key. */
    @Override
    public void deletePrefix(ComplexKey key) {
        Objects.requireNonNull(key, "key");
        // The user key is stored raw after the encoded prefix, so a user-key prefix is a storage-key prefix.
        byte[] from = KeyCodec.complexKey(key);
        run("delete-prefix", () -> db.deleteRange(family, from, KeyCodec.prefixEnd(from)));
    }

    @Override
    public List<byte[]> listComplex(byte[] keyGroup, byte[] key, byte[] namespace, byte[] startInclusive,
            byte[] endExclusive) {
        Objects.requireNonNull(startInclusive, "startInclusive");
        Objects.requireNonNull(endExclusive, "endExclusive");
        byte[] prefix = prefix(keyGroup, key, namespace);
        byte[] to = endExclusive.length == 0 ? KeyCodec.prefixEnd(prefix) : KeyCodec.concat(prefix, endExclusive);
        return call("list-complex", () -> keys(KeyCodec.concat(prefix, startInclusive), to, prefix.length));
    }

    /** Streams the prefix from a RocksDB snapshot, released when the iterator or this store closes. */
    @Override
    public StoreIterator scanComplex(byte[] keyGroup, byte[] key, byte[] namespace) {
        byte[] prefix = prefix(keyGroup, key, namespace);
        return call("scan-complex", () -> {
            RocksDBStoreIterator iterator = new RocksDBStoreIterator(this, db, family, prefix);
            iterators.add(iterator);
            if (closed.get()) {
                // close() ran between ensureOpen and add and may have missed this iterator.
                iterator.close();
                ensureOpen();
            }
            return iterator;
        });
    }

    /** Marks the handle closed, then closes every iterator it opened, freeing their snapshots. Idempotent. */
    @Override
    public void close() {
        Lock lock = backend.sharedLock();
        lock.lock();
        try {
            if (closed.compareAndSet(false, true)) {
                backend.forget(this);
                for (RocksDBStoreIterator iterator : new ArrayList<>(iterators)) {
                    iterator.close();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code call} under the backend's shared lock on an open store, wrapping RocksDB failures. */
    <T> T call(String operation, Call<T> call) {
        Lock lock = backend.sharedLock();
        lock.lock();
        try {
            ensureOpen();
            return call.run();
        } catch (RocksDBException e) {
            throw RocksDBErrors.store(name, operation, e);
        } finally {
            lock.unlock();
        }
    }

    /** Like {@link #call}, without a result. */
    void run(String operation, Action action) {
        call(operation, () -> {
            action.run();
            return null;
        });
    }

    /** The shared lock of the backend, held by iterators while they touch native objects. */
    Lock sharedLock() {
        return backend.sharedLock();
    }

    void forget(RocksDBStoreIterator iterator) {
        iterators.remove(iterator);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw RocksDBErrors.closed("store `" + name + "`");
        }
    }

    /** The keys in [from, to) with their first {@code strip} bytes removed; {@code to} is never empty here. */
    private List<byte[]> keys(byte[] from, byte[] to, int strip) throws RocksDBException {
        List<byte[]> out = new ArrayList<>();
        if (KeyCodec.compare(from, to) >= 0) {
            return out;
        }
        // Closed in reverse order: the iterator uses the read options, which point at the bound slice.
        try (Slice upper = new Slice(to);
                ReadOptions options = new ReadOptions().setIterateUpperBound(upper);
                RocksIterator it = db.newIterator(family, options)) {
            for (it.seek(from); it.isValid(); it.next()) {
                byte[] storageKey = it.key();
                out.add(Arrays.copyOfRange(storageKey, strip, storageKey.length));
            }
            it.status();
        }
        return out;
    }

    private static byte[] prefix(byte[] keyGroup, byte[] key, byte[] namespace) {
        return KeyCodec.complexPrefix(Objects.requireNonNull(keyGroup, "keyGroup"), Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(namespace, "namespace"));
    }
}
