package io.fssdk.flink;

import java.io.Serializable;

/**
 * Picks the {@code sourceId} (the input index, WIT {@code u32}) that {@link io.fssdk.api.Driver#process}
 * receives for a record. The default, {@link #constant(int) constant(0)}, suits a single input; a job that
 * unions several inputs into one stream encodes the source in the record and extracts it here.
 */
@FunctionalInterface
public interface SourceIdExtractor extends Serializable {
    /** The source id of {@code record}. It must not change the record. */
    int sourceId(byte[] record);

    /** Every record comes from source {@code sourceId}. */
    static SourceIdExtractor constant(int sourceId) {
        return record -> sourceId;
    }
}
