package io.fssdk.runtime;

import io.fssdk.api.Driver;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.spi.StateBackend;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs an operator in a unit test: feed it records and watermarks, take checkpoints, and assert on what
 * it emitted and what it wrote to its stores.
 *
 * <pre>{@code
 * try (OperatorTestKit kit = OperatorTestKit.of(new CounterOperator())) {
 *     kit.process("hello");
 *     assertEquals(List.of("{\"total_processed\":1,\"counter_map\":{\"hello\":1}}"), kit.drainOutputStrings());
 *     assertEquals(Optional.of("1"), kit.stateAsString("counter-store", "hello"));
 * }
 * }</pre>
 *
 * <p>The kit wraps an {@link OperatorRunner}, so the operator sees exactly what it sees in production,
 * lifecycle checks and error wrapping included. {@link Builder#build()} already runs {@code init}. State
 * lives in a fresh {@link InMemoryStateBackend} unless another backend is given (a RocksDB one, to test
 * persistence). Records are fed on source 0 unless a source is named; strings are encoded as UTF-8.
 *
 * <p>Like the runner, a kit is used from one thread.
 */
public final class OperatorTestKit implements AutoCloseable {
    private final OperatorRunner runner;
    private final StateBackend backend;
    private final boolean ownsBackend;
    private final List<Emitted> outputs = new ArrayList<>();
    private final List<EmittedWatermark> watermarks = new ArrayList<>();
    private long lastCheckpointId;
    private boolean closed;

    private OperatorTestKit(Builder b) {
        this.ownsBackend = b.stateBackend == null;
        this.backend = ownsBackend ? new InMemoryStateBackend() : b.stateBackend;
        try {
            this.runner = OperatorRunner.builder()
                    .operatorName(b.operatorName)
                    .driver(b.driver)
                    .stateBackend(backend)
                    .config(b.config)
                    // Emitted copies again; harmless in tests, and the record stays immutable on its own.
                    .outputSink((targetId, data) -> outputs.add(new Emitted(targetId, data)))
                    .watermarkSink((targetId, watermark) -> watermarks.add(new EmittedWatermark(targetId, watermark)))
                    .build();
        } catch (RuntimeException e) {
            if (ownsBackend) {
                backend.close();
            }
            throw e;
        }
    }

    /** A kit for {@code driver} with an empty configuration and an in-memory backend, initialised. */
    public static OperatorTestKit of(Driver driver) {
        return builder(driver).build();
    }

    /** A kit for {@code driver} with this configuration and an in-memory backend, initialised. */
    public static OperatorTestKit of(Driver driver, Map<String, String> config) {
        return builder(driver).config(config).build();
    }

    /** A builder for a kit running {@code driver}. */
    public static Builder builder(Driver driver) {
        return new Builder(Objects.requireNonNull(driver, "driver"));
    }

    /** The runner underneath, for the steps the kit has no shortcut for ({@code exec} …). */
    public OperatorRunner runner() {
        return runner;
    }

    /** The backend the operator's stores live in. */
    public StateBackend stateBackend() {
        return backend;
    }

    /**
     * Processes a UTF-8 string on source 0.
     *
     * @throws SdkException as {@link OperatorRunner#process}
     */
    public void process(String record) {
        process(0, record);
    }

    /**
     * Processes a UTF-8 string on {@code sourceId}.
     *
     * @throws SdkException as {@link OperatorRunner#process}
     */
    public void process(int sourceId, String record) {
        runner.process(sourceId, record.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Processes a copy of {@code record} on source 0.
     *
     * @throws SdkException as {@link OperatorRunner#process}
     */
    public void process(byte[] record) {
        process(0, record);
    }

    /**
     * Processes a copy of {@code record} on {@code sourceId}.
     *
     * @throws SdkException as {@link OperatorRunner#process}
     */
    public void process(int sourceId, byte[] record) {
        // Copied so that a test may keep asserting on its own array whatever the operator does to it.
        runner.process(sourceId, record.clone());
    }

    /**
     * Feeds a watermark on source 0.
     *
     * @throws SdkException as {@link OperatorRunner#processWatermark}
     */
    public void processWatermark(long watermark) {
        processWatermark(0, watermark);
    }

    /**
     * Feeds a watermark on {@code sourceId}.
     *
     * @throws SdkException as {@link OperatorRunner#processWatermark}
     */
    public void processWatermark(int sourceId, long watermark) {
        runner.processWatermark(sourceId, watermark);
    }

    /**
     * Takes the next checkpoint: one more than the last id used by this kit (the first is 1).
     *
     * @return the checkpoint id used
     * @throws SdkException as {@link OperatorRunner#takeCheckpoint}
     */
    public long takeCheckpoint() {
        long id = lastCheckpointId + 1;
        takeCheckpoint(id);
        return id;
    }

    /**
     * Takes checkpoint {@code checkpointId}.
     *
     * @throws SdkException as {@link OperatorRunner#takeCheckpoint}
     */
    public void takeCheckpoint(long checkpointId) {
        runner.takeCheckpoint(checkpointId);
        lastCheckpointId = checkpointId;
    }

    /**
     * Asks the operator for a heartbeat.
     *
     * @throws SdkException as {@link OperatorRunner#checkHeartbeat}
     */
    public boolean checkHeartbeat() {
        return runner.checkHeartbeat();
    }

    /**
     * Sends a custom request.
     *
     * @throws SdkException as {@link OperatorRunner#custom}
     */
    public byte[] custom(byte[] payload) {
        return runner.custom(payload.clone());
    }

    /** Every record emitted and not yet drained, oldest first (an immutable snapshot). */
    public List<Emitted> outputs() {
        return List.copyOf(outputs);
    }

    /** {@link #outputs()}, each decoded as UTF-8. */
    public List<String> outputStrings() {
        return outputs.stream().map(Emitted::dataAsString).toList();
    }

    /** The records emitted and not yet drained, then forgets them. */
    public List<Emitted> drainOutputs() {
        List<Emitted> drained = List.copyOf(outputs);
        outputs.clear();
        return drained;
    }

    /** {@link #drainOutputs()}, each decoded as UTF-8. */
    public List<String> drainOutputStrings() {
        return drainOutputs().stream().map(Emitted::dataAsString).toList();
    }

    /** Every watermark emitted and not yet drained, oldest first (an immutable snapshot). */
    public List<EmittedWatermark> watermarks() {
        return List.copyOf(watermarks);
    }

    /** The watermarks emitted and not yet drained, then forgets them. */
    public List<EmittedWatermark> drainWatermarks() {
        List<EmittedWatermark> drained = List.copyOf(watermarks);
        watermarks.clear();
        return drained;
    }

    /**
     * The store with this name, exactly as the operator's context gives it (the same handle when the
     * operator opened it already). Writing to it changes what the operator sees.
     *
     * @throws SdkException {@code STORE_INVALID_NAME} for a blank name, {@code RUNTIME_CLOSED} after close
     */
    public Store store(String name) {
        return runner.context().getOrCreateStore(name);
    }

    /**
     * The value of byte key {@code key} in store {@code storeName}.
     *
     * @throws SdkException as {@link #store}
     */
    public Optional<byte[]> state(String storeName, byte[] key) {
        return store(storeName).getState(key);
    }

    /**
     * The value of the UTF-8 byte key {@code key} in store {@code storeName}, decoded as UTF-8.
     *
     * @throws SdkException as {@link #store}
     */
    public Optional<String> stateAsString(String storeName, String key) {
        return state(storeName, key.getBytes(StandardCharsets.UTF_8))
                .map(value -> new String(value, StandardCharsets.UTF_8));
    }

    /**
     * Closes the runner (the operator's {@code close}, then its stores) and then the backend when the kit
     * created it; a backend given to the builder stays open for the test to reopen or inspect. Captured
     * outputs stay readable. Idempotent.
     *
     * @throws SdkException as {@link OperatorRunner#close()}; the kit's own backend is closed regardless
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            runner.close();
        } finally {
            if (ownsBackend) {
                backend.close();
            }
        }
    }

    /** Configures an {@link OperatorTestKit}. */
    public static final class Builder {
        private final Driver driver;
        private String operatorName = "test-operator";
        private StateBackend stateBackend;
        private final Map<String, String> config = new LinkedHashMap<>();

        private Builder(Driver driver) {
            this.driver = driver;
        }

        /** The operator's name in errors; {@code "test-operator"} by default. */
        public Builder operatorName(String operatorName) {
            this.operatorName = Objects.requireNonNull(operatorName, "operatorName");
            return this;
        }

        /** The backend to use instead of a fresh in-memory one; the kit does not close it. */
        public Builder stateBackend(StateBackend stateBackend) {
            this.stateBackend = Objects.requireNonNull(stateBackend, "stateBackend");
            return this;
        }

        /** Replaces the configuration with a copy of {@code config}. */
        public Builder config(Map<String, String> config) {
            this.config.clear();
            this.config.putAll(Objects.requireNonNull(config, "config"));
            return this;
        }

        /** Adds or replaces one configuration entry. */
        public Builder config(String key, String value) {
            this.config.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Builds the kit and initialises the operator.
         *
         * @throws SdkException as {@link OperatorRunner.Builder#build()} and {@link OperatorRunner#init()};
         *     when init fails, the kit is closed (and its own backend with it) before this throws
         */
        public OperatorTestKit build() {
            OperatorTestKit kit = new OperatorTestKit(this);
            try {
                kit.runner.init();
            } catch (RuntimeException e) {
                try {
                    kit.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            return kit;
        }
    }
}
