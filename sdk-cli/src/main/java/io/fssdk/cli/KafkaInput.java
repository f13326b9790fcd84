package io.fssdk.cli;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One {@code input-type: kafka} entry of a function's {@code input-groups}. Function Stream numbers its
 * inputs in file order across all groups; that number is the {@code source-id} the operator sees.
 *
 * @param sourceId the input's index across all groups, the operator's {@code source-id}
 * @param path where the entry is in the file, e.g. {@code input-groups[0].inputs[0]}
 * @param bootstrapServers the cluster to read from ({@code bootstrap_servers})
 * @param topic the topic to read
 * @param groupId the consumer group whose committed offsets say where to resume ({@code group_id})
 * @param partition the one partition to read, or empty to let the group balance the topic's partitions
 */
public record KafkaInput(int sourceId, String path, String bootstrapServers, String topic, String groupId,
        OptionalInt partition) {
    /** Rejects nulls. */
    public KafkaInput {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(partition, "partition");
    }
}
