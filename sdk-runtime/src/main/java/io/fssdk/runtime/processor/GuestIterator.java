package io.fssdk.runtime.processor;

import io.fssdk.api.StoreIterator;
import java.util.Set;

/**
 * The host object behind a guest's {@code iterator} handle: a {@link StoreIterator}, registered with the
 * component instance that opened it. The registration is what lets a discarded instance (after a trap,
 * a deadline or a failed heartbeat) close the scans it left open, since its handle table, and with it
 * the guest's {@code [resource-drop]iterator} calls, is gone.
 */
final class GuestIterator {
    private final StoreIterator delegate;
    private final Set<GuestIterator> open;

    /** Wraps {@code delegate} and registers it in {@code open}, the instance's set of open scans. */
    GuestIterator(StoreIterator delegate, Set<GuestIterator> open) {
        this.delegate = delegate;
        this.open = open;
        open.add(this);
    }

    /** The store's iterator. */
    StoreIterator iterator() {
        return delegate;
    }

    /**
     * Closes the store's iterator and forgets it. Called when the guest drops its handle, or when its
     * instance is discarded; a second call does nothing more than {@link StoreIterator#close()} does.
     */
    void close() {
        open.remove(this);
        delegate.close();
    }
}
