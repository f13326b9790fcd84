package io.fssdk.flink;

import io.fssdk.api.StoreEntry;
import io.fssdk.api.StoreIterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A scan of a {@link FlinkStore}: the sorted copy of the namespace's entries taken when the scan began
 * (Flink's map state has no snapshot iterator, so the snapshot is materialised; see
 * {@link FlinkStateBackend}).
 */
final class FlinkStoreIterator implements StoreIterator {
    private final String storeName;
    private final List<StoreEntry> snapshot;
    private final FlinkStore store;
    private int next;
    private boolean closed;

    FlinkStoreIterator(String storeName, List<StoreEntry> snapshot, FlinkStore store) {
        this.storeName = storeName;
        this.snapshot = snapshot;
        this.store = store;
    }

    @Override
    public boolean hasNext() {
        ensureOpen();
        return next < snapshot.size();
    }

    @Override
    public StoreEntry next() {
        ensureOpen();
        if (next >= snapshot.size()) {
            throw new NoSuchElementException("scan of store `" + storeName + "` has no more entries");
        }
        // StoreEntry copies on the way out, so handing out the snapshot's entry leaks nothing.
        return snapshot.get(next++);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        store.forget(this);
    }

    private void ensureOpen() {
        if (closed || store.isClosed()) {
            throw FlinkStateBackend.closedError(storeName);
        }
    }
}
