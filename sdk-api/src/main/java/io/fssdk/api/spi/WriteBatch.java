package io.fssdk.api.spi;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The writes of one driver call, buffered per store until the call returns (see
 * {@link TransactionalStateBackend}). Keys are {@link KeyCodec} storage keys, so a backend applies them as
 * it stores them. A batch is reused call after call: {@link #clear()} empties it and keeps its per-store
 * parts. Not thread-safe: a batch belongs to one runner thread.
 */
public final class WriteBatch {
    private final Map<String, StoreWrites> stores = new LinkedHashMap<>();
    private final Collection<StoreWrites> storesView = Collections.unmodifiableCollection(stores.values());
    private boolean empty = true;

    /** Creates an empty batch. */
    public WriteBatch() {
    }

    /** The writes of store {@code name} (normalised by {@link StoreNames#normalize}), created on first use. */
    public StoreWrites store(String name) {
        return stores.computeIfAbsent(StoreNames.normalize(name), n -> new StoreWrites(n, this));
    }

    /** Whether nothing has been written since the last {@link #clear()}. */
    public boolean isEmpty() {
        return empty;
    }

    /** Every store part, including empty ones, in first-use order; read-only. */
    public Collection<StoreWrites> stores() {
        return storesView;
    }

    /** Drops every buffered write; the batch can be used again. */
    public void clear() {
        if (!empty) {
            stores.values().forEach(StoreWrites::clear);
            empty = true;
        }
    }

    /**
     * Feeds every buffered write to {@code target} in an order whose sequential application gives the
     * batch's effect: per store, range deletes first, then point writes in key order. A backend builds
     * its one atomic write from these calls. Arrays are shared: do not modify them.
     */
    public void replay(Target target) {
        for (StoreWrites writes : stores.values()) {
            if (!writes.isEmpty()) {
                writes.replay(target);
            }
        }
    }

    void touched() {
        empty = false;
    }

    @Override
    public String toString() {
        return "WriteBatch[" + stores.values() + "]";
    }

    /** Receives the writes of {@link #replay}; keys are storage keys. */
    public interface Target {
        /** Puts {@code value} under {@code key} in store {@code store}. */
        void put(String store, byte[] key, byte[] value);

        /** Deletes {@code key} from store {@code store}. */
        void delete(String store, byte[] key);

        /** Appends {@code suffix} to the value under {@code key} (absent counts as empty). */
        void merge(String store, byte[] key, byte[] suffix);

        /** Deletes every key in [from, to) of store {@code store}; an empty {@code to} is unbounded. */
        void deleteRange(String store, byte[] from, byte[] to);
    }
}
