package io.fssdk.runtime;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.StoreIterator;
import io.fssdk.api.spi.KeyCodec;
import io.fssdk.api.spi.PendingWrite;
import io.fssdk.api.spi.StateBackend;
import io.fssdk.api.spi.StoreWrites;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The handle a {@link RunnerContext} gives an operator. It adds three things to the backend's store:
 * <ul>
 *   <li><b>Atomic calls.</b> On a {@link io.fssdk.api.spi.TransactionalStateBackend}, writes go to the
 *   runner's {@link io.fssdk.api.spi.WriteBatch} (this store's {@link StoreWrites}) instead of the backend,
 *   and reads see them: get, list and scan merge the buffered writes over the backend's data (see
 *   {@link BatchReads}). The runner commits the batch when the driver call returns and drops it when the
 *   call fails. On any other backend, calls go straight through.</li>
 *   <li><b>Survives a restore.</b> A restore closes every handle of the backend. The runner rebinds its
 *   stores after its own restore ({@link #rebind}); after a restore made directly on the backend, the
 *   first call that finds the backend handle closed reopens it once and retries, so a runner is never left
 *   failing on every later call.</li>
 *   <li><b>Closed by the operator.</b> It records whether the operator closed it, so that a component
 *   that drops its store resource and asks for the same name again (the C counter does so in
 *   {@code fs-init}, and a re-initialised guest after a trap does too) gets a working handle, not the
 *   closed one from the cache.</li>
 * </ul>
 */
final class RunnerStore implements Store {
    private final String name;
    /** The backend's name for this store: {@link #name} in the runner's namespace (see {@link StoreScope}). */
    private final String identity;
    private final StoreScope scope;
    private final StateBackend backend;
    /** Null when the backend is not transactional: then every call goes straight to {@link #delegate}. */
    private final StoreWrites writes;
    private Store delegate;
    private boolean closed;

    RunnerStore(String name, String identity, StoreScope scope, StateBackend backend, Store delegate,
            StoreWrites writes) {
        this.name = name;
        this.identity = identity;
        this.scope = scope;
        this.backend = backend;
        this.delegate = delegate;
        this.writes = writes;
    }

    /** Whether {@link #close()} was called, by the operator or by the runner. */
    boolean isClosed() {
        return closed;
    }

    /** A fresh backend handle on this store, migrating a legacy store as the first open would. */
    Store reopen() {
        return scope.open(backend, name, identity);
    }

    /** Replaces the backend handle after a restore closed the old one. */
    void rebind(Store fresh) {
        delegate = fresh;
    }

    /** The name the operator asked for, stripped; the backend knows the store by its identity. */
    @Override
    public String name() {
        return name;
    }

    @Override
    public void putState(byte[] key, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        ensureOpen();
        if (writes != null) {
            writes.put(KeyCodec.byteKey(key), value.clone());
            return;
        }
        try {
            delegate.putState(key, value);
        } catch (SdkException e) {
            reopenIfStale(e).putState(key, value);
        }
    }

    @Override
    public Optional<byte[]> getState(byte[] key) {
        Objects.requireNonNull(key, "key");
        ensureOpen();
        if (writes != null && !writes.isEmpty()) {
            byte[] storageKey = KeyCodec.byteKey(key);
            PendingWrite w = writes.get(storageKey);
            if (w != null || writes.deletedByRange(storageKey)) {
                return BatchReads.resolve(w, w != null && w.kind() == PendingWrite.Kind.MERGE ? baseGetState(key) : null);
            }
        }
        return baseGetState(key);
    }

    @Override
    public void deleteState(byte[] key) {
        Objects.requireNonNull(key, "key");
        ensureOpen();
        if (writes != null) {
            writes.delete(KeyCodec.byteKey(key));
            return;
        }
        try {
            delegate.deleteState(key);
        } catch (SdkException e) {
            reopenIfStale(e).deleteState(key);
        }
    }

    @Override
    public List<byte[]> listStates(byte[] startInclusive, byte[] endExclusive) {
        Objects.requireNonNull(startInclusive, "startInclusive");
        Objects.requireNonNull(endExclusive, "endExclusive");
        ensureOpen();
        List<byte[]> base;
        try {
            base = delegate.listStates(startInclusive, endExclusive);
        } catch (SdkException e) {
            base = reopenIfStale(e).listStates(startInclusive, endExclusive);
        }
        if (writes == null || writes.isEmpty()) {
            return base;
        }
        return BatchReads.mergeKeys(writes, base, new byte[] {KeyCodec.BYTE_SPACE},
                KeyCodec.byteRangeStart(startInclusive), KeyCodec.byteRangeEnd(endExclusive));
    }

    @Override
    public void put(ComplexKey key, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        ensureOpen();
        if (writes != null) {
            writes.put(KeyCodec.complexKey(key), value.clone());
            return;
        }
        try {
            delegate.put(key, value);
        } catch (SdkException e) {
            reopenIfStale(e).put(key, value);
        }
    }

    @Override
    public Optional<byte[]> get(ComplexKey key) {
        Objects.requireNonNull(key, "key");
        ensureOpen();
        if (writes != null && !writes.isEmpty()) {
            byte[] storageKey = KeyCodec.complexKey(key);
            PendingWrite w = writes.get(storageKey);
            if (w != null || writes.deletedByRange(storageKey)) {
                return BatchReads.resolve(w, w != null && w.kind() == PendingWrite.Kind.MERGE ? baseGet(key) : null);
            }
        }
        return baseGet(key);
    }

    @Override
    public void delete(ComplexKey key) {
        Objects.requireNonNull(key, "key");
        ensureOpen();
        if (writes != null) {
            writes.delete(KeyCodec.complexKey(key));
            return;
        }
        try {
            delegate.delete(key);
        } catch (SdkException e) {
            reopenIfStale(e).delete(key);
        }
    }

    @Override
    public void merge(ComplexKey key, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        ensureOpen();
        if (writes != null) {
            writes.merge(KeyCodec.complexKey(key), value.clone());
            return;
        }
        try {
            delegate.merge(key, value);
        } catch (SdkException e) {
            reopenIfStale(e).merge(key, value);
        }
    }

    @Override
    public void deletePrefix(ComplexKey key) {
        Objects.requireNonNull(key, "key");
        ensureOpen();
        if (writes != null) {
            // The user key is stored raw after the encoded prefix, so a user-key prefix is a storage-key prefix.
            byte[] from = KeyCodec.complexKey(key);
            writes.deleteRange(from, KeyCodec.prefixEnd(from));
            return;
        }
        try {
            delegate.deletePrefix(key);
        } catch (SdkException e) {
            reopenIfStale(e).deletePrefix(key);
        }
    }

    @Override
    public List<byte[]> listComplex(byte[] keyGroup, byte[] key, byte[] namespace, byte[] startInclusive,
            byte[] endExclusive) {
        Objects.requireNonNull(startInclusive, "startInclusive");
        Objects.requireNonNull(endExclusive, "endExclusive");
        ensureOpen();
        List<byte[]> base;
        try {
            base = delegate.listComplex(keyGroup, key, namespace, startInclusive, endExclusive);
        } catch (SdkException e) {
            base = reopenIfStale(e).listComplex(keyGroup, key, namespace, startInclusive, endExclusive);
        }
        if (writes == null || writes.isEmpty()) {
            return base;
        }
        byte[] prefix = KeyCodec.complexPrefix(keyGroup, key, namespace);
        byte[] to = endExclusive.length == 0 ? KeyCodec.prefixEnd(prefix) : KeyCodec.concat(prefix, endExclusive);
        return BatchReads.mergeKeys(writes, base, prefix, KeyCodec.concat(prefix, startInclusive), to);
    }

    @Override
    public StoreIterator scanComplex(byte[] keyGroup, byte[] key, byte[] namespace) {
        ensureOpen();
        StoreIterator base;
        try {
            base = delegate.scanComplex(keyGroup, key, namespace);
        } catch (SdkException e) {
            base = reopenIfStale(e).scanComplex(keyGroup, key, namespace);
        }
        if (writes == null || writes.isEmpty()) {
            return base;
        }
        byte[] prefix = KeyCodec.complexPrefix(keyGroup, key, namespace);
        if (!writes.touches(prefix, KeyCodec.prefixEnd(prefix))) {
            return base;
        }
        try {
            return BatchReads.scan(this, writes, base, prefix,
                    userKey -> baseGet(new ComplexKey(keyGroup, key, namespace, userKey)));
        } catch (RuntimeException e) {
            base.close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        // Marked first: even if the backend fails to close it, the context must not hand it out again.
        closed = true;
        delegate.close();
    }

    @Override
    public String toString() {
        return "RunnerStore[" + name + (closed ? ", closed]" : "]");
    }

    private Optional<byte[]> baseGetState(byte[] key) {
        try {
            return delegate.getState(key);
        } catch (SdkException e) {
            return reopenIfStale(e).getState(key);
        }
    }

    private Optional<byte[]> baseGet(ComplexKey key) {
        try {
            return delegate.get(key);
        } catch (SdkException e) {
            return reopenIfStale(e).get(key);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new SdkException(ErrorCode.RUNTIME_CLOSED, "store `" + name + "` is closed");
        }
    }

    /**
     * After {@code e} from the backend handle: when the handle was closed under us (a restore made on the
     * backend directly) while this store is open, opens a fresh one to retry with; otherwise rethrows.
     * A closed backend makes {@code openStore} throw {@code RUNTIME_CLOSED}, so this never loops.
     */
    private Store reopenIfStale(SdkException e) {
        if (e.code() != ErrorCode.RUNTIME_CLOSED || closed) {
            throw e;
        }
        delegate = reopen();
        return delegate;
    }
}
