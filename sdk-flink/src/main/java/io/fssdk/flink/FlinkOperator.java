package io.fssdk.flink;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * Runs any {@link io.fssdk.api.Driver}, native or WebAssembly, as a Flink operator on a keyed stream of
 * {@code byte[]} records.
 *
 * <pre>{@code
 * SingleOutputStreamOperator<byte[]> counts = FlinkOperator.builder()
 *         .operatorName("counter")
 *         .driver(DriverFactory.wasm(Path.of("counter.wasm")))      // or CounterOperator::new
 *         .config(Map.of("key_prefix", "demo-"))
 *         .build()
 *         .applyTo(words.keyBy(w -> new String(w, UTF_8)));
 * DataStream<byte[]> target1 = counts.getSideOutput(FlinkOperator.sideOutput(1));
 * }</pre>
 *
 * <p><b>Mapping.</b> Each parallel subtask builds its own driver from the {@link DriverFactory} and runs it
 * in an {@code OperatorRunner} (the same lifecycle as everywhere else):
 * <ul>
 *   <li>{@code init} runs in the operator's {@code open}, with the configuration given here;</li>
 *   <li>{@code process} runs for each record, with the {@link SourceIdExtractor}'s source id, after the
 *       context's current key ({@code Context.currentKey()}) is set to the record's Flink key as bytes
 *       (a {@code byte[]} key as is, a {@code String} as UTF-8, anything else in the bytes of Flink's key
 *       serializer);</li>
 *   <li>{@code emit(0, bytes)} goes to the main output and {@code emit(n, bytes)} to the side output
 *       {@link #sideOutput(int) sideOutput(n)}; records emitted while processing a record carry its
 *       timestamp;</li>
 *   <li>a Flink watermark calls {@code processWatermark} (with {@link Builder#watermarkSourceId}); a
 *       watermark the driver emits is forwarded, on every output (Flink's watermarks are per operator, not
 *       per output), when it advances past the last one forwarded. Flink's own watermarks are not forwarded
 *       by the operator: the driver decides, as in Function Stream (the counter forwards them);</li>
 *   <li>{@code takeCheckpoint} runs with Flink's checkpoint id in {@code prepareSnapshotPreBarrier}, before
 *       the barrier goes downstream and before state is snapshotted, so both what it emits and what it
 *       writes belong to that checkpoint (in {@code snapshotState} emitted records would follow the barrier,
 *       and {@code notifyCheckpointComplete} is too late for state);</li>
 *   <li>{@code close} runs in {@code finish} (end of input, while the output is still open) or else in the
 *       operator's {@code close}.</li>
 * </ul>
 *
 * <p><b>State.</b> Stores live in Flink keyed state ({@link FlinkStateBackend}): Flink's checkpoints,
 * restores and rescaling cover them, exactly once. Each Flink key sees its own store contents.
 *
 * <p><b>Failures.</b> A driver failure is the {@code SdkException} of the runner; it fails the Flink task,
 * and Flink's restart strategy restarts it from the last checkpoint.
 *
 * <p><b>Why a custom operator, not a {@code KeyedProcessFunction}.</b> A process function gets no watermark
 * callback, cannot emit outside {@code processElement}/{@code onTimer} (the driver may emit in
 * {@code processWatermark}, {@code takeCheckpoint} and {@code close}), cannot forward watermarks, and has no
 * hook before the checkpoint barrier. {@code AbstractStreamOperator} has all four.
 *
 * <p>Instances are immutable and serialisable; one may be applied to several streams.
 */
public final class FlinkOperator implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The type of every record in and out. */
    public static final TypeInformation<byte[]> BYTES = PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO;

    private final String operatorName;
    private final DriverFactory driverFactory;
    private final LinkedHashMap<String, String> config;
    private final SourceIdExtractor sourceIdExtractor;
    private final int watermarkSourceId;

    private FlinkOperator(Builder b) {
        this.operatorName = b.operatorName;
        this.driverFactory = b.driverFactory;
        this.config = new LinkedHashMap<>(b.config);
        this.sourceIdExtractor = b.sourceIdExtractor;
        this.watermarkSourceId = b.watermarkSourceId;
    }

    /** A new builder; {@code operatorName} and {@code driver} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The side output that receives what the driver emits to {@code targetId} (not 0, which is the main
     * output). Tags are equal by id, so a tag made here again selects the same output.
     */
    public static OutputTag<byte[]> sideOutput(int targetId) {
        return new OutputTag<>("fssdk-target-" + Integer.toUnsignedString(targetId), BYTES);
    }

    /** The operator's name: the Flink operator's name and the name every error carries. */
    public String operatorName() {
        return operatorName;
    }

    /** The configuration {@code init} receives, in the order given; unmodifiable. */
    public Map<String, String> config() {
        return Collections.unmodifiableMap(config);
    }

    DriverFactory driverFactory() {
        return driverFactory;
    }

    SourceIdExtractor sourceIdExtractor() {
        return sourceIdExtractor;
    }

    int watermarkSourceId() {
        return watermarkSourceId;
    }

    /**
     * Adds the operator to a keyed stream. Its main output carries target 0's records; side outputs carry
     * the others ({@link #sideOutput}).
     */
    public <K> SingleOutputStreamOperator<byte[]> applyTo(KeyedStream<byte[], K> input) {
        return input.transform(operatorName, BYTES, newStreamOperator());
    }

    /** A new Flink operator instance, e.g. for Flink's operator test harnesses. */
    public DriverStreamOperator newStreamOperator() {
        return new DriverStreamOperator(this);
    }

    @Override
    public String toString() {
        return "FlinkOperator[" + operatorName + "]";
    }

    /** Configures a {@link FlinkOperator}. */
    public static final class Builder {
        private String operatorName;
        private DriverFactory driverFactory;
        private final Map<String, String> config = new LinkedHashMap<>();
        private SourceIdExtractor sourceIdExtractor = SourceIdExtractor.constant(0);
        private int watermarkSourceId;

        private Builder() {
        }

        /** The operator's name (required, not blank). */
        public Builder operatorName(String operatorName) {
            this.operatorName = Objects.requireNonNull(operatorName, "operatorName");
            return this;
        }

        /** Makes each subtask's driver (required); it must be serialisable, as Flink ships it. */
        public Builder driver(DriverFactory driverFactory) {
            this.driverFactory = Objects.requireNonNull(driverFactory, "driverFactory");
            return this;
        }

        /** Replaces the configuration {@code init} receives (no null keys or values). */
        public Builder config(Map<String, String> config) {
            Objects.requireNonNull(config, "config");
            this.config.clear();
            config.forEach(this::config);
            return this;
        }

        /** Adds or replaces one configuration entry. */
        public Builder config(String key, String value) {
            Objects.requireNonNull(key, "config key");
            Objects.requireNonNull(value, () -> "config value of `" + key + "`");
            this.config.put(key, value);
            return this;
        }

        /** Picks each record's source id; the default is always 0. */
        public Builder sourceId(SourceIdExtractor extractor) {
            this.sourceIdExtractor = Objects.requireNonNull(extractor, "extractor");
            return this;
        }

        /** The source id {@code processWatermark} receives for Flink's watermarks; default 0. */
        public Builder watermarkSourceId(int sourceId) {
            this.watermarkSourceId = sourceId;
            return this;
        }

        /**
         * Builds the operator description.
         *
         * @throws SdkException {@code CONFIG_INVALID} with a missing or blank name,
         *     {@code RUNTIME_INVALID_DRIVER} without a driver factory
         */
        public FlinkOperator build() {
            if (operatorName == null || operatorName.isBlank()) {
                throw new SdkException(ErrorCode.CONFIG_INVALID, "operator name is missing or blank");
            }
            if (driverFactory == null) {
                throw new SdkException(ErrorCode.RUNTIME_INVALID_DRIVER, "no driver factory given", operatorName,
                        null, null);
            }
            return new FlinkOperator(this);
        }
    }
}
