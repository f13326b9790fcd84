package io.fssdk.runtime.processor;

import io.fssdk.api.StoreIterator;
import io.fssdk.runtime.guest.GuestResources;

/**
 * The host object behind a guest's {@code iterator} handle: a {@link StoreIterator}, registered with the
 * component instance that opened it. The registration is what lets a discarded instance (after a trap,
 * a deadline or a failed heartbeat) close the scans it left open, since its handle table, and with it
 * the guest's {@code [resource-drop]iterator} calls, is gone.
 */
final class GuestIterator implements AutoCloseable {
    private final StoreIterator delegate;
    private final GuestResources open;

    /** Wraps {@code delegate} and registers it in {@code open}, what the instance holds open. */
    GuestIterator(StoreIterator delegate, GuestResources open) {
        this.delegate = delegate;
        this.open = open;
        open.register(this);
    }

    /** The store's iterator. */
    StoreIterator iterator() {
        return delegate;
    }

    /**
     * Closes the store's iterator and forgets it. Called when the guest drops its handle, or when its
     * instance is discarded; a second call does nothing more than {@link StoreIterator#close()} does.
     */
    @Override
    public void close() {
        open.release(this);
        delegate.close();
    }
}
