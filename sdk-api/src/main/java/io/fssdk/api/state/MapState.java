package io.fssdk.api.state;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A map whose entries are separate store entries, so reading or writing one key touches only that key.
 * Keys are encoded with an order-preserving codec, which is why iteration comes in key order.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface MapState<K, V> extends State {
    /** The value of {@code key}, or empty. */
    Optional<V> get(K key);

    /** Sets the value of {@code key}. */
    void put(K key, V value);

    /** Sets every entry of {@code entries}. */
    void putAll(Map<? extends K, ? extends V> entries);

    /** Removes {@code key}; removing an absent key is not an error. */
    void remove(K key);

    /** Whether {@code key} has a value. */
    boolean contains(K key);

    /** Whether the map has no entry (reads at most one). */
    boolean isEmpty();

    /**
     * The entries in key order, streamed from a snapshot taken now with {@link io.fssdk.api.Store#scanComplex}:
     * nothing is loaded up front. The snapshot is freed when the iterator is read to the end or closed; close
     * it (try-with-resources) when you may stop early.
     */
    StateIterator<Map.Entry<K, V>> iterator();

    /**
     * The entries in key order as a stream over {@link #iterator()}. Closing the stream closes the iterator;
     * use it in try-with-resources, since short-circuiting operations ({@code findFirst}, {@code limit})
     * stop before the end.
     */
    Stream<Map.Entry<K, V>> entries();
}
