package io.fssdk.api.state;

import java.util.Collection;
import java.util.List;

/**
 * A list of elements. {@link #add} appends with {@link io.fssdk.api.Store#merge}, so adding never reads
 * the list.
 *
 * @param <E> the element type
 */
public interface ListState<E> extends State {
    /** Appends one element, without reading the list. */
    void add(E element);

    /** Appends the elements in order, in one store write, without reading the list. */
    void addAll(Collection<? extends E> elements);

    /** The elements (unexpired ones, with a TTL), oldest first; empty when there are none. */
    List<E> get();

    /** Replaces the list with these elements. */
    void update(Collection<? extends E> elements);
}
