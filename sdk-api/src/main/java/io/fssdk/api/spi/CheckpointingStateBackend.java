package io.fssdk.api.spi;

import io.fssdk.api.SdkException;
import java.util.Optional;

/**
 * A {@link StateBackend} that also takes durable checkpoints of all its stores and rolls back to them. The
 * runner calls {@link #checkpoint(long, byte[])} after the driver's {@code takeCheckpoint} when its backend
 * has this capability; a backend without it (state checkpointed by its host, as on Flink) is simply not
 * asked.
 *
 * <p><b>Atomic.</b> A checkpoint is either complete, with its metadata, or absent: a crash while one is
 * being taken leaves the previous one as {@link #latestCheckpoint()}, never a half-written one.
 *
 * <p><b>Retention.</b> A backend keeps the newest few completed checkpoints (by id; the default is
 * {@value #DEFAULT_RETAINED_CHECKPOINTS}, each backend's builder can change it) and deletes older ones
 * after each new checkpoint completes.
 *
 * <p><b>Restore</b> replaces the contents of every store with the checkpoint's, closing every open store
 * handle and iterator first. Runners that should survive a restore go through
 * {@code OperatorRunner.restore}, which reopens their stores. A restore that fails because the
 * checkpoint is missing, incomplete or corrupt changes nothing.
 */
public interface CheckpointingStateBackend extends StateBackend {
    /** How many completed checkpoints a backend keeps unless configured otherwise. */
    int DEFAULT_RETAINED_CHECKPOINTS = 3;

    /**
     * Takes a durable, consistent, atomic checkpoint of every store under this id, with no metadata.
     *
     * @throws SdkException {@code STORE_IO} when it cannot be written, {@code CONFIG_INVALID} when the id
     *     was already used by a completed checkpoint
     */
    default void checkpoint(long checkpointId) {
        checkpoint(checkpointId, new byte[0]);
    }

    /**
     * Takes a durable, consistent, atomic checkpoint of every store under this id, storing
     * {@code metadata} (copied; keep it small, it is read whole) with it. Older checkpoints beyond the
     * retained count are deleted once this one is complete.
     *
     * @throws SdkException {@code STORE_IO} when it cannot be written, {@code CONFIG_INVALID} when the id
     *     was already used by a completed checkpoint
     */
    void checkpoint(long checkpointId, byte[] metadata);

    /**
     * The completed checkpoint with the highest id, if any. Incomplete checkpoints (a crash while one was
     * being written) are never returned.
     *
     * @throws SdkException {@code STORE_IO} when the checkpoints cannot be listed, {@code RUNTIME_CLOSED}
     *     after close
     */
    Optional<CheckpointInfo> latestCheckpoint();

    /**
     * Rolls every store back to the completed checkpoint with this id and returns it, with its metadata.
     * Open store handles and iterators are closed first; open new ones afterwards.
     *
     * @throws SdkException {@code STORE_NOT_FOUND} when there is no such completed checkpoint,
     *     {@code STORE_IO} when it is corrupt or cannot be read; in both cases nothing has changed
     */
    CheckpointInfo restore(long checkpointId);
}
