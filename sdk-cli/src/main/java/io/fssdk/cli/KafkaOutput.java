package io.fssdk.cli;

import java.util.Objects;

/**
 * One {@code output-type: kafka} entry of a function's {@code outputs}. The operator's
 * {@code emit(target, ...)} goes to the output whose index is {@code target}.
 *
 * @param targetId the output's index in {@code outputs}, the operator's emit target
 * @param path where the entry is in the file, e.g. {@code outputs[0]}
 * @param bootstrapServers the cluster to write to ({@code bootstrap_servers})
 * @param topic the topic to write
 * @param partition the partition every record goes to (Function Stream requires it)
 */
public record KafkaOutput(int targetId, String path, String bootstrapServers, String topic, int partition) {
    /** Rejects nulls. */
    public KafkaOutput {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
    }
}
