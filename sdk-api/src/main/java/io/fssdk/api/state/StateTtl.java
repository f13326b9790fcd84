package io.fssdk.api.state;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import java.time.Duration;
import java.util.Objects;

/**
 * A time-to-live for state, like Flink's {@code StateTtlConfig}: a value (a map entry, a list element)
 * expires {@code ttl} after it was last written, or last read or written with {@link Update#ON_READ_AND_WRITE}.
 *
 * <p><b>Never returned.</b> A value is expired when {@code now >= lastAccess + ttl} on the state's clock;
 * reads check this, so an expired value is never returned, and delete what they find expired (lazy
 * cleanup).
 *
 * <p><b>Incremental cleanup.</b> Every write also records (expiry, entry) in an index kept in the same
 * store, one index per state name. Every {@code cleanupBatch / 2} writes through a state object (and, for
 * objects built per record, on about one write in {@code cleanupBatch / 2} chosen by a hash of the entry),
 * the state walks its index from the oldest expiry and deletes up to {@code cleanupBatch} entries that
 * expired, under any key or namespace: state that is never read again goes away as long as the same state
 * name keeps being written. A TTL therefore costs one more store write per write.
 *
 * <p>The clock is the operator's processing-time clock ({@link io.fssdk.api.Timers#currentProcessingTime()})
 * for state built from a context, or the one given to {@link States#clock}.
 *
 * @param ttl how long a value lives, positive
 * @param update what refreshes it
 * @param cleanupBatch how many index entries a cleanup step looks at, at least 2
 */
public record StateTtl(Duration ttl, Update update, int cleanupBatch) {
    /** What refreshes a value's time to live. */
    public enum Update {
        /** Creating or writing it (Flink's {@code OnCreateAndWrite}, the default). */
        ON_CREATE_AND_WRITE,
        /** Reading it as well (Flink's {@code OnReadAndWrite}). */
        ON_READ_AND_WRITE
    }

    /**
     * Validates.
     *
     * @throws SdkException {@code CONFIG_INVALID} for a zero or negative ttl or a batch below 2
     */
    public StateTtl {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(update, "update");
        if (ttl.isNegative() || ttl.isZero() || ttl.toMillis() == 0) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "state ttl must be at least 1 ms, got " + ttl);
        }
        if (cleanupBatch < 2) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "state ttl cleanup batch must be at least 2, got "
                    + cleanupBatch);
        }
    }

    /** A TTL refreshed on create and write, cleaning up 32 entries every 16 writes. */
    public static StateTtl of(Duration ttl) {
        return new StateTtl(ttl, Update.ON_CREATE_AND_WRITE, 32);
    }

    /** This TTL, refreshed by reads as well. */
    public StateTtl refreshOnRead() {
        return new StateTtl(ttl, Update.ON_READ_AND_WRITE, cleanupBatch);
    }

    /** This TTL with another cleanup batch size. */
    public StateTtl withCleanupBatch(int batch) {
        return new StateTtl(ttl, update, batch);
    }

    /** The TTL in milliseconds. */
    public long millis() {
        return ttl.toMillis();
    }
}
