package io.fssdk.api;

import java.util.NoSuchElementException;

/**
 * A stream of entries from {@link Store#scanComplex}, read from a consistent snapshot taken when the scan
 * began: writes made to the store afterwards are not seen. Entries come in unsigned byte order of their
 * user keys, one at a time, so a scan never loads the whole range into memory.
 *
 * <p>An iterator holds native resources in some backends: close it when done. Closing the store that
 * made it closes it too. Every method of a closed iterator throws {@link SdkException} with
 * {@link ErrorCode#RUNTIME_CLOSED}; {@code close} itself is idempotent.
 */
public interface StoreIterator extends AutoCloseable {
    /**
     * Whether another entry remains.
     *
     * @throws SdkException {@code RUNTIME_CLOSED} after close, {@code STORE_IO} when the backend fails
     */
    boolean hasNext();

    /**
     * The next entry.
     *
     * @throws NoSuchElementException when no entry remains
     * @throws SdkException {@code RUNTIME_CLOSED} after close, {@code STORE_IO} when the backend fails
     */
    StoreEntry next();

    /** Frees the iterator's snapshot. Idempotent; never throws a checked exception. */
    @Override
    void close();
}
