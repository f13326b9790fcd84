package io.fssdk.runtime.testing;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.Store;
import io.fssdk.api.StoreIterator;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Store} that forwards to a real one and counts reads, writes and scans, so tests can check what
 * typed state asks of the store (list appends never read; a priority-queue peek is one seek).
 */
public final class CountingStore implements Store {
    private final Store inner;
    /** Point reads: {@code get} and {@code getState}. */
    public int reads;
    /** Range reads that return whole lists: {@code listComplex} and {@code listStates}. */
    public int lists;
    /** Scans opened. */
    public int scans;
    /** Merges. */
    public int merges;
    /** Puts and deletes. */
    public int writes;

    public CountingStore(Store inner) {
        this.inner = inner;
    }

    /** Sets every counter back to zero. */
    public void reset() {
        reads = 0;
        lists = 0;
        scans = 0;
        merges = 0;
        writes = 0;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void putState(byte[] key, byte[] value) {
        writes++;
        inner.putState(key, value);
    }

    @Override
    public Optional<byte[]> getState(byte[] key) {
        reads++;
        return inner.getState(key);
    }

    @Override
    public void deleteState(byte[] key) {
        writes++;
        inner.deleteState(key);
    }

    @Override
    public List<byte[]> listStates(byte[] startInclusive, byte[] endExclusive) {
        lists++;
        return inner.listStates(startInclusive, endExclusive);
    }

    @Override
    public void put(ComplexKey key, byte[] value) {
        writes++;
        inner.put(key, value);
    }

    @Override
    public Optional<byte[]> get(ComplexKey key) {
        reads++;
        return inner.get(key);
    }

    @Override
    public void delete(ComplexKey key) {
        writes++;
        inner.delete(key);
    }

    @Override
    public void merge(ComplexKey key, byte[] value) {
        merges++;
        inner.merge(key, value);
    }

    @Override
    public void deletePrefix(ComplexKey key) {
        writes++;
        inner.deletePrefix(key);
    }

    @Override
    public List<byte[]> listComplex(byte[] keyGroup, byte[] key, byte[] namespace, byte[] startInclusive,
            byte[] endExclusive) {
        lists++;
        return inner.listComplex(keyGroup, key, namespace, startInclusive, endExclusive);
    }

    @Override
    public StoreIterator scanComplex(byte[] keyGroup, byte[] key, byte[] namespace) {
        scans++;
        return inner.scanComplex(keyGroup, key, namespace);
    }

    @Override
    public void close() {
        inner.close();
    }
}
