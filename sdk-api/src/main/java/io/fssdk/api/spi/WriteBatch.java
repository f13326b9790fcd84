package io.fssdk.api.spi;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The writes of one driver call, buffered per store until the call returns (see
 * {@link TransactionalStateBackend}). Keys are {@link KeyCodec} storage keys, so a backend applies them as
 * it stores them. A batch is reused call after call: {@link #clear()} empties it and keeps its per-store
 * parts. Not thread-safe: a batch belongs to one runner thread.
 *
 * <p>A batch lives on the JVM heap until its call returns, where a guest's linear memory cap does not
 * reach, so it has a byte budget: every key and value handed to it since the last {@link #clear()} counts
 * (an overwritten value still counts, which keeps the check to one addition), and the write that passes
 * the budget fails with {@link ErrorCode#LIMIT_EXCEEDED}. The caller then discards the batch, so nothing of
 * that call reaches the store.
 */
public final class WriteBatch {
    /** The default budget of one call's writes, far above what a record's processing writes. */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;
    /** What each write costs the budget besides its key and value: map entry and bookkeeping, roughly. */
    static final int WRITE_OVERHEAD_BYTES = 48;

    private final Map<String, StoreWrites> stores = new LinkedHashMap<>();
    private final Collection<StoreWrites> storesView = Collections.unmodifiableCollection(stores.values());
    private final long maxBytes;
    private long bytes;
    private boolean empty = true;

    /** Creates an empty batch with the {@link #DEFAULT_MAX_BYTES} budget. */
    public WriteBatch() {
        this(DEFAULT_MAX_BYTES);
    }

    /**
     * Creates an empty batch whose writes may hold at most {@code maxBytes} between two {@link #clear()}s.
     *
     * @throws IllegalArgumentException if {@code maxBytes} is not positive
     */
    public WriteBatch(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The budget given at construction. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The bytes counted against the budget since the last {@link #clear()}. */
    public long bytes() {
        return bytes;
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
            bytes = 0;
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

    /**
     * Records a write of {@code size} bytes of keys and values. It is called before the write is buffered,
     * so a write over the budget is not kept.
     */
    void touched(long size) {
        long now = bytes + size + WRITE_OVERHEAD_BYTES;
        if (now > maxBytes) {
            throw new SdkException(ErrorCode.LIMIT_EXCEEDED, "the writes of one call exceed its budget of "
                    + maxBytes + " bytes (keys and values buffered until the call returns); the call's writes are"
                    + " discarded");
        }
        bytes = now;
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
