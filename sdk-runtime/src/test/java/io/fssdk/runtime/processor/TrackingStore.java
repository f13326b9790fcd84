package io.fssdk.runtime.processor;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.Store;
import io.fssdk.api.StoreEntry;
import io.fssdk.api.StoreIterator;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Store} decorator for assertions: it counts the scans opened and closed, records whether the
 * store itself was closed, and on demand fails every call ({@link #failWith}) or makes {@code hasNext}
 * spin until the thread is interrupted ({@link #stallScans}), as a hung backend would.
 */
final class TrackingStore implements Store {
    private final Store delegate;
    int scansOpened;
    int scansClosed;
    boolean closed;
    RuntimeException failWith;
    boolean stallScans;

    TrackingStore(Store delegate) {
        this.delegate = delegate;
    }

    /** Scans opened and not yet closed. */
    int openScans() {
        return scansOpened - scansClosed;
    }

    private void check() {
        if (failWith != null) {
            throw failWith;
        }
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void putState(byte[] key, byte[] value) {
        check();
        delegate.putState(key, value);
    }

    @Override
    public Optional<byte[]> getState(byte[] key) {
        check();
        return delegate.getState(key);
    }

    @Override
    public void deleteState(byte[] key) {
        check();
        delegate.deleteState(key);
    }

    @Override
    public List<byte[]> listStates(byte[] startInclusive, byte[] endExclusive) {
        check();
        return delegate.listStates(startInclusive, endExclusive);
    }

    @Override
    public void put(ComplexKey key, byte[] value) {
        check();
        delegate.put(key, value);
    }

    @Override
    public Optional<byte[]> get(ComplexKey key) {
        check();
        return delegate.get(key);
    }

    @Override
    public void delete(ComplexKey key) {
        check();
        delegate.delete(key);
    }

    @Override
    public void merge(ComplexKey key, byte[] value) {
        check();
        delegate.merge(key, value);
    }

    @Override
    public void deletePrefix(ComplexKey key) {
        check();
        delegate.deletePrefix(key);
    }

    @Override
    public List<byte[]> listComplex(byte[] keyGroup, byte[] key, byte[] namespace, byte[] startInclusive,
            byte[] endExclusive) {
        check();
        return delegate.listComplex(keyGroup, key, namespace, startInclusive, endExclusive);
    }

    @Override
    public StoreIterator scanComplex(byte[] keyGroup, byte[] key, byte[] namespace) {
        check();
        StoreIterator it = delegate.scanComplex(keyGroup, key, namespace);
        scansOpened++;
        return new StoreIterator() {
            private boolean done;

            @Override
            public boolean hasNext() {
                while (stallScans && !Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait(); // a hung backend; returns once the deadline interrupts the thread
                }
                return it.hasNext();
            }

            @Override
            public StoreEntry next() {
                return it.next();
            }

            @Override
            public void close() {
                if (!done) {
                    done = true;
                    scansClosed++;
                }
                it.close();
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        delegate.close();
    }
}
