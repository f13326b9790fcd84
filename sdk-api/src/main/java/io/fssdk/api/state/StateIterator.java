package io.fssdk.api.state;

import java.util.Iterator;

/**
 * An iterator over typed state that holds a store snapshot until closed.
 *
 * @param <T> the element type
 */
public interface StateIterator<T> extends Iterator<T>, AutoCloseable {
    /** Frees the snapshot. Idempotent. */
    @Override
    void close();
}
