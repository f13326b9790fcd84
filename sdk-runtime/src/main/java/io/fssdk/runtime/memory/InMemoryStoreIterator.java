package io.fssdk.runtime.memory;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.StoreEntry;
import io.fssdk.api.StoreIterator;
import java.util.Arrays;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link StoreIterator} over an {@link InMemorySnapshot} of one (keyGroup, key, namespace) prefix. It
 * reads one entry ahead at most, so a scan never holds the range in memory.
 */
final class InMemoryStoreIterator implements StoreIterator {
    private final InMemoryStore store;
    private final InMemoryTable table;
    private final InMemorySnapshot snapshot;
    private final int prefixLength;
    private final AtomicBoolean closed = new AtomicBoolean();
    private byte[] cursor;
    private Map.Entry<byte[], byte[]> pending;
    private boolean exhausted;

    InMemoryStoreIterator(InMemoryStore store, InMemoryTable table, InMemorySnapshot snapshot, int prefixLength) {
        this.store = store;
        this.table = table;
        this.snapshot = snapshot;
        this.prefixLength = prefixLength;
    }

    @Override
    public boolean hasNext() {
        ensureOpen();
        if (pending == null && !exhausted) {
            pending = snapshot.next(cursor);
            if (pending == null) {
                exhausted = true;
            } else {
                cursor = pending.getKey();
            }
        }
        return pending != null;
    }

    @Override
    public StoreEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException("store `" + store.name() + "`: no more entries in this scan");
        }
        Map.Entry<byte[], byte[]> entry = pending;
        pending = null;
        byte[] storageKey = entry.getKey();
        // StoreEntry copies the value, so the table's array never escapes.
        return new StoreEntry(Arrays.copyOfRange(storageKey, prefixLength, storageKey.length), entry.getValue());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            table.release(snapshot);
            pending = null;
            store.forget(this);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new SdkException(ErrorCode.RUNTIME_CLOSED, "store `" + store.name() + "`: iterator is closed");
        }
    }
}
