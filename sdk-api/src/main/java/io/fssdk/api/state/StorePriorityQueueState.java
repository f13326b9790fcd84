package io.fssdk.api.state;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.StoreEntry;
import io.fssdk.api.StoreIterator;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PriorityQueueState}: each distinct element is a user key (ordered codec, so the store keeps them
 * sorted) whose value has one byte per copy. Adding merges one byte (no read); peek and poll open a scan,
 * which seeks to the first key, and read one entry.
 *
 * <p>On RocksDB a seek steps over the tombstones that earlier polls left in front of the first live key
 * until they are flushed and compacted away, so draining a large queue quickly costs more than the
 * logarithmic seek suggests (measured: ~27 µs per scan on a fresh store, ~0.6 ms per poll while draining
 * 1,000 elements). A range delete does not help (it measured slower). Flink keeps the head of such queues
 * cached in memory; that is the next step if timers or queues on RocksDB get large.
 */
final class StorePriorityQueueState<E> implements PriorityQueueState<E> {
    private static final byte[] ONE_COPY = {1};

    private final StateScope scope;
    private final Codec<E> codec;

    StorePriorityQueueState(StateScope scope, Codec<E> codec) {
        this.scope = scope;
        this.codec = codec;
    }

    @Override
    public void add(E element) {
        scope.store.merge(scope.entryKey(codec.encode(Objects.requireNonNull(element, "element"))), ONE_COPY);
    }

    @Override
    public Optional<E> peek() {
        try (StoreIterator it = scan()) {
            return it.hasNext() ? Optional.of(scope.decode(codec, it.next().userKey())) : Optional.empty();
        }
    }

    @Override
    public Optional<E> poll() {
        byte[] key = scope.key();
        StoreEntry first;
        try (StoreIterator it = scope.store.scanComplex(scope.group, key, scope.namespace)) {
            if (!it.hasNext()) {
                return Optional.empty();
            }
            first = it.next();
        }
        byte[] element = first.userKey();
        E value = scope.decode(codec, element);
        ComplexKey entry = new ComplexKey(scope.group, key, scope.namespace, element);
        int copies = first.value().length;
        if (copies > 1) {
            scope.store.put(entry, new byte[copies - 1]);
        } else {
            scope.store.delete(entry);
        }
        return Optional.of(value);
    }

    @Override
    public boolean isEmpty() {
        try (StoreIterator it = scan()) {
            return !it.hasNext();
        }
    }

    @Override
    public void clear() {
        scope.store.deletePrefix(scope.entryKey(Bytes.EMPTY));
    }

    private StoreIterator scan() {
        return scope.store.scanComplex(scope.group, scope.key(), scope.namespace);
    }
}
