package io.fssdk.runtime.memory;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.StoreIterator;
import io.fssdk.api.spi.KeyCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A handle on an {@link InMemoryTable}. Keys are encoded with {@link KeyCodec}; values are copied on the
 * way in (the table owns them) and on the way out (the caller owns them).
 */
final class InMemoryStore implements Store {
    private final String name;
    private final InMemoryTable table;
    private final InMemoryStateBackend backend;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<InMemoryStoreIterator> iterators = ConcurrentHashMap.newKeySet();

    InMemoryStore(String name, InMemoryTable table, InMemoryStateBackend backend) {
        this.name = name;
        this.table = table;
        this.backend = backend;
    }

    /** The trimmed name; available even after close, as it identifies the handle in messages. */
    @Override
    public String name() {
        return name;
    }

    @Override
    public void putState(byte[] key, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        ensureOpen();
        table.put(KeyCodec.byteKey(key), value.clone());
    }

    @Override
    public Optional<byte[]> getState(byte[] key) {
        Objects.requireNonNull(key, "key");
        ensureOpen();
        return copyOf(table.get(KeyCodec.byteKey(key)));
    }

    @Override
    public void deleteState(byte[] key) {
        Objects.requireNonNull(key, "key");
        ensureOpen();
        table.remove(KeyCodec.byteKey(key));
    }

    @Override
    public List<byte[]> listStates(byte[] startInclusive, byte[] endExclusive) {
        Objects.requireNonNull(startInclusive, "startInclusive");
        Objects.requireNonNull(endExclusive, "endExclusive");
        ensureOpen();
        return table.keys(KeyCodec.byteRangeStart(startInclusive), KeyCodec.byteRangeEnd(endExclusive), 1);
    }

    @Override
    public void put(ComplexKey key, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        ensureOpen();
        table.put(KeyCodec.complexKey(key), value.clone());
    }

    @Override
    public Optional<byte[]> get(ComplexKey key) {
        Objects.requireNonNull(key, "key");
        ensureOpen();
        return copyOf(table.get(KeyCodec.complexKey(key)));
    }

    @Override
    public void delete(ComplexKey key) {
        Objects.requireNonNull(key, "key");
        ensureOpen();
        table.remove(KeyCodec.complexKey(key));
    }

    @Override
    public void merge(ComplexKey key, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        ensureOpen();
        table.append(KeyCodec.complexKey(key), value.clone());
    }

    @Override
    public void deletePrefix(ComplexKey key) {
        Objects.requireNonNull(key, "key");
        ensureOpen();
        // The user key is stored raw after the encoded prefix, so a user-key prefix is a storage-key prefix.
        byte[] from = KeyCodec.complexKey(key);
        table.removeRange(from, KeyCodec.prefixEnd(from));
    }

    @Override
    public List<byte[]> listComplex(byte[] keyGroup, byte[] key, byte[] namespace, byte[] startInclusive,
            byte[] endExclusive) {
        Objects.requireNonNull(startInclusive, "startInclusive");
        Objects.requireNonNull(endExclusive, "endExclusive");
        byte[] prefix = prefix(keyGroup, key, namespace);
        ensureOpen();
        byte[] to = endExclusive.length == 0 ? KeyCodec.prefixEnd(prefix) : KeyCodec.concat(prefix, endExclusive);
        return table.keys(KeyCodec.concat(prefix, startInclusive), to, prefix.length);
    }

    @Override
    public StoreIterator scanComplex(byte[] keyGroup, byte[] key, byte[] namespace) {
        byte[] prefix = prefix(keyGroup, key, namespace);
        ensureOpen();
        InMemorySnapshot snapshot = table.snapshot(prefix, KeyCodec.prefixEnd(prefix));
        InMemoryStoreIterator iterator = new InMemoryStoreIterator(this, table, snapshot, prefix.length);
        iterators.add(iterator);
        if (closed.get()) {
            // close() ran between ensureOpen and add and may have missed this iterator.
            iterator.close();
            ensureOpen();
        }
        return iterator;
    }

    /** Marks the handle closed, then closes every iterator it opened. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            backend.forget(this);
            for (InMemoryStoreIterator iterator : new ArrayList<>(iterators)) {
                iterator.close();
            }
        }
    }

    void forget(InMemoryStoreIterator iterator) {
        iterators.remove(iterator);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new SdkException(ErrorCode.RUNTIME_CLOSED, "store `" + name + "` is closed");
        }
    }

    private static byte[] prefix(byte[] keyGroup, byte[] key, byte[] namespace) {
        return KeyCodec.complexPrefix(Objects.requireNonNull(keyGroup, "keyGroup"), Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(namespace, "namespace"));
    }

    private static Optional<byte[]> copyOf(byte[] value) {
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }
}
