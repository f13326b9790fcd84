package io.fssdk.runtime;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.Store;
import io.fssdk.api.StoreIterator;
import java.util.List;
import java.util.Optional;

/**
 * The handle a {@link RunnerContext} gives an operator: the backend's store, plus a record of whether the
 * operator closed it. That record is why this class exists: a component that drops its store resource
 * and asks for the same name again (the C counter does so in {@code fs-init}, and a re-initialised guest
 * after a trap does too) must get a working handle, not the closed one from the cache.
 *
 * <p>Every other method delegates as is; the backend's store already copies arrays and reports
 * {@code RUNTIME_CLOSED} after close, so nothing is checked twice on the hot path.
 */
final class RunnerStore implements Store {
    private final Store delegate;
    private boolean closed;

    RunnerStore(Store delegate) {
        this.delegate = delegate;
    }

    /** Whether {@link #close()} was called, by the operator or by the runner. */
    boolean isClosed() {
        return closed;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void putState(byte[] key, byte[] value) {
        delegate.putState(key, value);
    }

    @Override
    public Optional<byte[]> getState(byte[] key) {
        return delegate.getState(key);
    }

    @Override
    public void deleteState(byte[] key) {
        delegate.deleteState(key);
    }

    @Override
    public List<byte[]> listStates(byte[] startInclusive, byte[] endExclusive) {
        return delegate.listStates(startInclusive, endExclusive);
    }

    @Override
    public void put(ComplexKey key, byte[] value) {
        delegate.put(key, value);
    }

    @Override
    public Optional<byte[]> get(ComplexKey key) {
        return delegate.get(key);
    }

    @Override
    public void delete(ComplexKey key) {
        delegate.delete(key);
    }

    @Override
    public void merge(ComplexKey key, byte[] value) {
        delegate.merge(key, value);
    }

    @Override
    public void deletePrefix(ComplexKey key) {
        delegate.deletePrefix(key);
    }

    @Override
    public List<byte[]> listComplex(byte[] keyGroup, byte[] key, byte[] namespace, byte[] startInclusive,
            byte[] endExclusive) {
        return delegate.listComplex(keyGroup, key, namespace, startInclusive, endExclusive);
    }

    @Override
    public StoreIterator scanComplex(byte[] keyGroup, byte[] key, byte[] namespace) {
        return delegate.scanComplex(keyGroup, key, namespace);
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
        return "RunnerStore[" + delegate.name() + (closed ? ", closed]" : "]");
    }
}
