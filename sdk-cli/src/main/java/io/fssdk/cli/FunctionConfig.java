package io.fssdk.cli;

import io.fssdk.runtime.processor.ProcessorConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Function Stream function's {@code config.yaml}, as {@code fssdk run} uses it: the processor part
 * ({@code name}, {@code type}, {@code init_config}), read by {@link ProcessorConfig}, plus the Kafka
 * inputs of every input group, numbered as Function Stream numbers them, and the Kafka outputs. Read it
 * with {@link FunctionConfigReader}.
 *
 * @param processor the operator's name and {@code init_config}
 * @param inputs every input of every group, in file order; index {@code i} is source id {@code i}
 * @param outputs the outputs in file order; index {@code i} receives emit target {@code i}
 */
public record FunctionConfig(ProcessorConfig processor, List<KafkaInput> inputs, List<KafkaOutput> outputs) {
    /** Copies the lists. */
    public FunctionConfig {
        Objects.requireNonNull(processor, "processor");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The function's name, which names the operator. */
    public String name() {
        return processor.name();
    }

    /** The configuration given to {@code fs-init}, in file order. */
    public Map<String, String> initConfig() {
        return processor.initConfig();
    }
}
