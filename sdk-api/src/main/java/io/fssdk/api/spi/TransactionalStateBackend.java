package io.fssdk.api.spi;

import io.fssdk.api.SdkException;

/**
 * A {@link StateBackend} that applies a {@link WriteBatch} atomically. The runner buffers each driver
 * call's writes in a batch (the operator reads its own writes through it) and hands it to
 * {@link #commit} only when the call returns normally; when the call fails, the batch is dropped and no
 * write of it reaches the backend.
 *
 * <p>A backend without this capability receives every write directly, as it is made: a failed call then
 * keeps the writes it made before failing.
 */
public interface TransactionalStateBackend extends StateBackend {
    /**
     * Applies every write of {@code batch} as one atomic write: afterwards all of them are visible, or,
     * when this throws, none. The batch is not changed; the caller clears it.
     *
     * @throws SdkException {@code STORE_IO} when the write fails, {@code RUNTIME_CLOSED} after close
     */
    void commit(WriteBatch batch);
}
