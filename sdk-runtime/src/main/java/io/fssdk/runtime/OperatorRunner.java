package io.fssdk.runtime;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.Module;
import io.fssdk.api.SdkException;
import io.fssdk.api.spi.CheckpointingStateBackend;
import io.fssdk.api.spi.StateBackend;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one operator instance: a {@link Driver}, the {@link Context} it sees, and the stores it opens on a
 * {@link StateBackend}.
 *
 * <pre>{@code
 * try (StateBackend backend = RocksDBStateBackend.open(dir);
 *      OperatorRunner runner = OperatorRunner.builder()
 *              .operatorName("counter")
 *              .driver(new CounterOperator())
 *              .stateBackend(backend)
 *              .outputSink((target, bytes) -> send(target, bytes))
 *              .build()) {
 *     runner.init();
 *     runner.process(0, record);
 * }
 * }</pre>
 *
 * <p><b>Lifecycle.</b> {@link #init()} comes first and succeeds once; then {@link #process},
 * {@link #processWatermark}, {@link #takeCheckpoint}, {@link #checkHeartbeat}, {@link #exec} and
 * {@link #custom} in any order; then {@link #close()}. Out of order calls throw {@link SdkException}:
 * <ul>
 *   <li>any step before {@code init} succeeded: {@link ErrorCode#RUNTIME_NOT_INITIALIZED};</li>
 *   <li>{@code init} after it succeeded: {@link ErrorCode#RUNTIME_INVALID_DRIVER} (a driver is initialised
 *       once);</li>
 *   <li>anything but {@code close} after {@code close}: {@link ErrorCode#RUNTIME_CLOSED}; a second
 *       {@code close} does nothing.</li>
 * </ul>
 *
 * <p><b>Failures.</b> What a driver step throws comes back as an {@link SdkException} naming this
 * runner's operator and the step ({@code "init"}, {@code "process"}, {@code "processWatermark"},
 * {@code "takeCheckpoint"}, {@code "checkHeartbeat"}, {@code "exec"}, {@code "custom"}, {@code "close"}),
 * with the thrown exception as its cause. Its code is {@link ErrorCode#OPERATOR_FAILED}, or the code of
 * the thrown exception when that already is an {@code SdkException}. {@link Error}s are not wrapped. A
 * failed step changes nothing else: after a failed {@code process} the runner takes the next record, and
 * the stores keep whatever the driver wrote before it threw. A failed {@code init} leaves the runner not
 * initialised; it may be retried or closed.
 *
 * <p><b>Threads.</b> A runner, its context and its stores are confined to one thread at a time and take no
 * locks; hand a runner between threads only with a happens-before edge (an executor, a queue). Run many
 * runners in parallel for parallelism; they may share one backend, which is thread-safe.
 *
 * <p><b>Ownership.</b> The runner owns the stores its context opened and closes them in {@link #close()}.
 * It does not own the backend, the driver or the sinks: the embedder closes the backend after the runner.
 *
 * <p><b>Hot path.</b> {@link #process} and {@link Context#emit} allocate nothing of their own except the
 * copy {@code emit} must make; record bytes are handed to the driver without a copy.
 */
public final class OperatorRunner implements AutoCloseable {
    /** Where the runner is in the lifecycle. A plain field: the runner is single-threaded by contract. */
    private enum Phase { NEW, READY, CLOSED }

    private final String operatorName;
    private final Driver driver;
    private final StateBackend backend;
    private final Map<String, String> config;
    private final RunnerContext context;
    private Phase phase = Phase.NEW;
    private final AtomicBoolean closeOnce = new AtomicBoolean();

    private OperatorRunner(Builder b) {
        this.operatorName = b.operatorName;
        this.driver = b.driver;
        this.backend = b.stateBackend;
        this.config = Collections.unmodifiableMap(new LinkedHashMap<>(b.config));
        this.context = new RunnerContext(operatorName, backend, b.outputSink, b.watermarkSink, config);
    }

    /** A new builder; {@code operatorName}, {@code driver} and {@code stateBackend} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The operator's name, as given to the builder; it names the operator in every error. */
    public String operatorName() {
        return operatorName;
    }

    /** The configuration passed to {@link Driver#init}: immutable, in the order it was given. */
    public Map<String, String> config() {
        return config;
    }

    /** Whether {@link #init()} has succeeded and {@link #close()} has not been called. */
    public boolean isReady() {
        return phase == Phase.READY;
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return phase == Phase.CLOSED;
    }

    /** The context handed to the driver; the test kit reads stores through it. */
    Context context() {
        return context;
    }

    /**
     * Calls {@link Driver#init} with the configuration. Must come first and succeed once.
     *
     * @throws SdkException {@code RUNTIME_INVALID_DRIVER} when init already succeeded, {@code RUNTIME_CLOSED}
     *     after close, or the driver's failure (see the class docs); a failed init may be retried
     */
    public void init() {
        if (phase != Phase.NEW) {
            throw phase == Phase.CLOSED ? RunnerErrors.closed(operatorName, "init")
                    : RunnerErrors.alreadyInitialised(operatorName);
        }
        try {
            driver.init(context, config);
        } catch (Exception e) {
            throw failure("init", e);
        }
        phase = Phase.READY;
    }

    /**
     * Calls {@link Driver#process} with one record.
     *
     * @param sourceId the input index (WIT {@code u32})
     * @param data the record; handed to the driver without a copy, so do not change it afterwards
     * @throws SdkException {@code RUNTIME_NOT_INITIALIZED}, {@code RUNTIME_CLOSED}, or the driver's failure
     */
    public void process(int sourceId, byte[] data) {
        Objects.requireNonNull(data, "data");
        ensureReady("process");
        try {
            driver.process(context, sourceId, data);
        } catch (Exception e) {
            throw failure("process", e);
        }
    }

    /**
     * Sets the key of the records that follow (see {@link Context#currentKey()}), or clears it with
     * {@code null}. Embedders that key their input call it before {@link #process}; the array is kept
     * without a copy, so do not change it afterwards.
     *
     * @throws SdkException {@code RUNTIME_CLOSED} after close
     */
    public void setCurrentKey(byte[] key) {
        if (phase == Phase.CLOSED) {
            throw RunnerErrors.closed(operatorName, "setCurrentKey");
        }
        context.setCurrentKey(key);
    }

    /**
     * Calls {@link Driver#processWatermark}.
     *
     * @param sourceId the input index (WIT {@code u32})
     * @param watermark the watermark (WIT {@code u64})
     * @throws SdkException {@code RUNTIME_NOT_INITIALIZED}, {@code RUNTIME_CLOSED}, or the driver's failure
     */
    public void processWatermark(int sourceId, long watermark) {
        ensureReady("processWatermark");
        try {
            driver.processWatermark(context, sourceId, watermark);
        } catch (Exception e) {
            throw failure("processWatermark", e);
        }
    }

    /**
     * Takes checkpoint {@code checkpointId}: first {@link Driver#takeCheckpoint}, so the operator can flush
     * what it holds in memory, then, when the backend is a {@link CheckpointingStateBackend},
     * {@link CheckpointingStateBackend#checkpoint}. When the driver fails, the backend is not asked. A backend
     * without that capability is checkpointed by its host (Flink's keyed state is), so only the driver runs.
     *
     * @param checkpointId the checkpoint (WIT {@code u64})
     * @throws SdkException {@code RUNTIME_NOT_INITIALIZED}, {@code RUNTIME_CLOSED}, the driver's failure, or
     *     the backend's (its own code, e.g. {@code STORE_IO}, attributed to step {@code takeCheckpoint})
     */
    public void takeCheckpoint(long checkpointId) {
        ensureReady("takeCheckpoint");
        try {
            driver.takeCheckpoint(context, checkpointId);
            if (backend instanceof CheckpointingStateBackend checkpointing) {
                checkpointing.checkpoint(checkpointId);
            }
        } catch (Exception e) {
            throw failure("takeCheckpoint", e);
        }
    }

    /**
     * Calls {@link Driver#checkHeartbeat}.
     *
     * @return {@code false} when the operator reports itself unhealthy
     * @throws SdkException {@code RUNTIME_NOT_INITIALIZED}, {@code RUNTIME_CLOSED}, or the driver's failure
     */
    public boolean checkHeartbeat() {
        ensureReady("checkHeartbeat");
        try {
            return driver.checkHeartbeat(context);
        } catch (Exception e) {
            throw failure("checkHeartbeat", e);
        }
    }

    /**
     * Calls {@link Driver#exec}.
     *
     * @param className the entry point's name
     * @param modules the modules to load; copied
     * @throws SdkException {@code RUNTIME_NOT_INITIALIZED}, {@code RUNTIME_CLOSED}, or the driver's failure
     */
    public void exec(String className, List<Module> modules) {
        Objects.requireNonNull(className, "className");
        List<Module> copy = List.copyOf(modules);
        ensureReady("exec");
        try {
            driver.exec(context, className, copy);
        } catch (Exception e) {
            throw failure("exec", e);
        }
    }

    /**
     * Calls {@link Driver#custom}.
     *
     * @param payload the request; handed to the driver without a copy, so do not change it afterwards
     * @return the driver's response
     * @throws SdkException {@code RUNTIME_NOT_INITIALIZED}, {@code RUNTIME_CLOSED}, the driver's failure, or
     *     {@code RESULT_UNEXPECTED} when the driver returns {@code null}
     */
    public byte[] custom(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        ensureReady("custom");
        byte[] response;
        try {
            response = driver.custom(context, payload);
        } catch (Exception e) {
            throw failure("custom", e);
        }
        if (response == null) {
            throw new SdkException(ErrorCode.RESULT_UNEXPECTED, "custom returned null", operatorName, "custom", null);
        }
        return response;
    }

    /**
     * Closes the runner: calls {@link Driver#close} when init had succeeded (a driver whose init failed is
     * never closed, so its init must clean up after itself), then closes the context and every store it
     * opened, newest first. The stores are closed even when the driver fails; the backend is not closed.
     * A second call does nothing.
     *
     * @throws SdkException the driver's failure (step {@code close}), or the first store that failed to
     *     close, the others suppressed; the runner is closed either way
     */
    @Override
    public void close() {
        // Compare-and-set, unlike the rest of the lifecycle: close is the one call an embedder may race
        // (a shutdown hook against the normal close path), and the stores must be released exactly once.
        if (!closeOnce.compareAndSet(false, true)) {
            return;
        }
        boolean initialised = phase == Phase.READY;
        // Closed before the driver runs, so nothing the driver does in close can re-enter a step.
        phase = Phase.CLOSED;
        SdkException failure = null;
        try {
            if (initialised) {
                driver.close(context);
            }
        } catch (Exception e) {
            failure = failure("close", e);
        } finally {
            try {
                context.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = failure("close", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "OperatorRunner[" + operatorName + ", " + phase.name().toLowerCase(Locale.ROOT) + "]";
    }

    private void ensureReady(String step) {
        if (phase != Phase.READY) {
            throw phase == Phase.CLOSED ? RunnerErrors.closed(operatorName, step)
                    : RunnerErrors.notInitialised(operatorName, step);
        }
    }

    private SdkException failure(String step, Exception e) {
        return RunnerErrors.stepFailed(operatorName, step, e);
    }

    /** Configures an {@link OperatorRunner}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String operatorName;
        private Driver driver;
        private StateBackend stateBackend;
        private OutputSink outputSink = (targetId, data) -> { };
        private WatermarkSink watermarkSink = (targetId, watermark) -> { };
        private final Map<String, String> config = new LinkedHashMap<>();

        private Builder() {
        }

        /** The operator's name (required, not blank); errors name it. */
        public Builder operatorName(String operatorName) {
            this.operatorName = Objects.requireNonNull(operatorName, "operatorName");
            return this;
        }

        /** The operator (required). */
        public Builder driver(Driver driver) {
            this.driver = Objects.requireNonNull(driver, "driver");
            return this;
        }

        /** Where the operator's stores live (required); the runner does not close it. */
        public Builder stateBackend(StateBackend stateBackend) {
            this.stateBackend = Objects.requireNonNull(stateBackend, "stateBackend");
            return this;
        }

        /** Receives emitted records; by default they are discarded. */
        public Builder outputSink(OutputSink outputSink) {
            this.outputSink = Objects.requireNonNull(outputSink, "outputSink");
            return this;
        }

        /** Receives emitted watermarks; by default they are discarded. */
        public Builder watermarkSink(WatermarkSink watermarkSink) {
            this.watermarkSink = Objects.requireNonNull(watermarkSink, "watermarkSink");
            return this;
        }

        /** Replaces the configuration with a copy of {@code config} (no null keys or values). */
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

        /**
         * Builds the runner. It is not initialised: call {@link OperatorRunner#init()}.
         *
         * @throws SdkException {@code RUNTIME_INVALID_DRIVER} without a driver; {@code CONFIG_INVALID}
         *     without a state backend or with a missing or blank operator name
         */
        public OperatorRunner build() {
            if (driver == null) {
                throw new SdkException(ErrorCode.RUNTIME_INVALID_DRIVER, "no driver given", operatorName, null, null);
            }
            if (operatorName == null || operatorName.isBlank()) {
                throw new SdkException(ErrorCode.CONFIG_INVALID, "operator name is missing or blank");
            }
            if (stateBackend == null) {
                throw new SdkException(ErrorCode.CONFIG_INVALID, "no state backend given", operatorName, null, null);
            }
            return new OperatorRunner(this);
        }
    }
}
