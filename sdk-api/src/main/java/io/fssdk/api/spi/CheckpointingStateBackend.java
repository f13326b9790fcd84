package io.fssdk.api.spi;

import io.fssdk.api.SdkException;

/**
 * A {@link StateBackend} that also takes durable checkpoints of all its stores and rolls back to them. The
 * runner calls {@link #checkpoint} after the driver's {@code takeCheckpoint} when its backend has this
 * capability; a backend without it (state checkpointed by its host, as on Flink) is simply not asked.
 */
public interface CheckpointingStateBackend extends StateBackend {
    /**
     * Takes a durable, consistent checkpoint of every store under this id.
     *
     * @throws SdkException {@code STORE_IO} when it cannot be written, {@code CONFIG_INVALID} when the id
     *     was already used
     */
    void checkpoint(long checkpointId);

    /**
     * Rolls every store back to the checkpoint with this id. Open store handles and iterators are
     * closed first; open new ones afterwards.
     *
     * @throws SdkException {@code STORE_NOT_FOUND} when there is no such checkpoint, {@code STORE_IO}
     *     when it cannot be read
     */
    void restore(long checkpointId);
}
