package io.fssdk.api.state;

import java.util.Optional;

/**
 * A priority queue of elements, smallest first in the order of their (order-preserving) codec; duplicates
 * are kept. Elements are store keys, so {@link #peek} and {@link #poll} are a seek to the first key, a
 * logarithmic store operation, never a load of the whole queue.
 *
 * @param <E> the element type
 */
public interface PriorityQueueState<E> extends State {
    /** Adds an element, without reading the queue. */
    void add(E element);

    /** The smallest element, or empty. */
    Optional<E> peek();

    /** Removes and returns the smallest element, or empty. */
    Optional<E> poll();

    /** Whether the queue is empty. */
    boolean isEmpty();
}
