package io.fssdk.api.spi;

import java.util.Arrays;
import java.util.Objects;

/**
 * A completed checkpoint: its id and the opaque metadata the embedder stored with it (for example the
 * input position the checkpoint covers, so that a restored run knows where to resume reading).
 *
 * @param id the checkpoint id (WIT {@code u64})
 * @param metadata the embedder's bytes, copied in and out; empty when none were given
 */
public record CheckpointInfo(long id, byte[] metadata) {
    /** Copies {@code metadata}, so the record is immutable. */
    public CheckpointInfo {
        metadata = Objects.requireNonNull(metadata, "metadata").clone();
    }

    /** A copy of the metadata. */
    @Override
    public byte[] metadata() {
        return metadata.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckpointInfo other && id == other.id && Arrays.equals(metadata, other.metadata);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + Arrays.hashCode(metadata);
    }

    @Override
    public String toString() {
        return "CheckpointInfo[id=" + id + ", metadata=" + KeyCodec.printable(metadata) + "]";
    }
}
