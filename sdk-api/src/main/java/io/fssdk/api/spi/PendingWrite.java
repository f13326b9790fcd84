package io.fssdk.api.spi;

import java.util.Objects;

/**
 * One buffered write of a {@link StoreWrites}, under a storage key.
 *
 * <p>The value array belongs to the batch and is shared, not copied, for speed: readers copy it before
 * handing it to an operator, and nobody modifies it.
 *
 * @param kind what the write does
 * @param value the new value ({@link Kind#PUT}), the bytes to append ({@link Kind#MERGE}), or empty
 *     ({@link Kind#DELETE})
 */
public record PendingWrite(Kind kind, byte[] value) {
    private static final byte[] NONE = new byte[0];
    private static final PendingWrite DELETE = new PendingWrite(Kind.DELETE, NONE);

    /** What a pending write does to the value stored under its key. */
    public enum Kind {
        /** Replaces the value. */
        PUT,
        /** Removes the key. */
        DELETE,
        /** Appends to the stored value (an absent value counting as empty), which the batch has not read. */
        MERGE
    }

    /** Checks the parts; the array is kept as is (see the class docs). */
    public PendingWrite {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /** A put of {@code value}, which the batch takes ownership of. */
    static PendingWrite put(byte[] value) {
        return new PendingWrite(Kind.PUT, value);
    }

    /** The (shared) delete. */
    static PendingWrite delete() {
        return DELETE;
    }

    /** A merge of {@code suffix}, which the batch takes ownership of. */
    static PendingWrite merge(byte[] suffix) {
        return new PendingWrite(Kind.MERGE, suffix);
    }
}
