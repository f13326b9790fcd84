package io.fssdk.runtime;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.Module;
import io.fssdk.api.SdkException;
import io.fssdk.api.TimeDomain;
import io.fssdk.api.Timer;
import io.fssdk.api.TimerDriver;
import io.fssdk.api.Timers;
import io.fssdk.api.spi.CheckpointInfo;
import io.fssdk.api.spi.CheckpointingStateBackend;
import io.fssdk.api.spi.StateBackend;
import io.fssdk.api.spi.StoreNames;
import io.fssdk.api.spi.TransactionalStateBackend;
import io.fssdk.api.spi.WriteBatch;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * failed step changes nothing else: after a failed {@code process} the runner takes the next record. A
 * failed {@code init} leaves the runner not initialised; it may be retried or closed.
 *
 * <p><b>Atomic calls.</b> On a {@link TransactionalStateBackend} (both shipped backends are), the writes
 * one driver call makes are buffered in a batch that the call itself reads through (get, list and scan
 * see them), and applied to the backend in one atomic write only when the call returns normally. When the
 * driver throws, or a WebAssembly guest traps, runs past its deadline or hits its memory cap, none of the
 * call's writes reaches the store, so retrying the record counts it once. What a failed call emitted has
 * been emitted, though: outputs are not transactional (replay from a checkpoint handles them). On a backend
 * without the capability, writes go straight through and a failed call keeps what it wrote.
 *
 * <p><b>Checkpoints.</b> {@link #takeCheckpoint(long, byte[])} checkpoints the operator and the backend
 * with the embedder's metadata; {@link Builder#restoreFrom} and {@link #restore} roll the state back to a
 * completed checkpoint and return that metadata, so the embedder can replay its input from there.
 *
 * <p><b>Timers.</b> A driver that implements {@link TimerDriver} registers timers on its context's
 * {@link Timers}; {@link #processWatermark} fires the event-time timers the watermark passes before the driver
 * sees it, and {@link #advanceProcessingTime()} fires the processing-time timers due on the builder's
 * {@link Builder#processingTimeClock clock}. Timers are kept in the operator's store, so they are part of
 * every checkpoint.
 *
 * <p><b>Store namespaces.</b> Every store an operator opens lives in the runner's
 * {@linkplain Builder#storeNamespace namespace} (by default its operator name): the backend knows the store
 * {@code "counter-store"} of operator {@code "counter"} as {@code "@counter/counter-store"} (see
 * {@link StoreNames}), so operators on one backend never read or write each other's stores, whatever names
 * they ask for. Runners with the same namespace share their stores: that is how a restarted operator, or a
 * second instance of it, finds its state. A store two operators should share is declared on both with
 * {@link Builder#sharedStore}. Stores the previous release kept under bare names are copied into the
 * namespace the first time it opens them ({@link Builder#migrateLegacyStores}). On a backend that
 * {@linkplain StateBackend#scopedToOneOperator() belongs to one operator} (Flink's keyed state), names are
 * used as they are.
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

    private static final byte[] NO_METADATA = new byte[0];

    private final String operatorName;
    private final String storeNamespace;
    private final Driver driver;
    private final StateBackend backend;
    private final Map<String, String> config;
    private final RunnerContext context;
    /** Null without a meter registry: the hot path then pays one null check. */
    private final RunnerMeters meters;
    private final RunnerTimers timers;
    private Phase phase = Phase.NEW;
    private CheckpointInfo restored;
    private final AtomicBoolean closeOnce = new AtomicBoolean();

    private OperatorRunner(Builder b) {
        this.operatorName = b.operatorName;
        this.storeNamespace = b.namespace();
        this.driver = b.driver;
        this.backend = b.stateBackend;
        this.config = Collections.unmodifiableMap(new LinkedHashMap<>(b.config));
        // Micrometer is optional: RunnerMeters (the one class using it) is loaded only with a registry.
        this.meters = b.meterRegistry != null ? new RunnerMeters(b.meterRegistry, operatorName) : null;
        OutputSink sink = meters != null ? meters.counting(b.outputSink) : b.outputSink;
        StoreScope scope = new StoreScope(storeNamespace, b.sharedStores, b.migrateLegacyStores,
                backend.scopedToOneOperator());
        this.context = new RunnerContext(operatorName, backend, scope, sink, b.watermarkSink, config,
                b.maxCallWriteBytes);
        this.timers = new RunnerTimers(operatorName, context, b.processingTimeClock,
                driver instanceof TimerDriver receiver ? receiver : null);
        context.attachTimers(timers);
        this.restored = b.restoredInfo;
    }

    /** A new builder; {@code operatorName}, {@code driver} and {@code stateBackend} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The operator's name, as given to the builder; it names the operator in every error. */
    public String operatorName() {
        return operatorName;
    }

    /**
     * The namespace of this runner's stores on its backend: {@link Builder#storeNamespace}, or the operator
     * name (stripped).
     */
    public String storeNamespace() {
        return storeNamespace;
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
        boolean ok = false;
        try {
            driver.init(context, config);
            context.commit();
            ok = true;
        } catch (Exception e) {
            throw failure("init", e);
        } finally {
            discardUnless(ok);
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
        boolean ok = false;
        long start = meters == null ? 0 : System.nanoTime();
        try {
            driver.process(context, sourceId, data);
            context.commit();
            ok = true;
        } catch (Exception e) {
            throw failure("process", e);
        } finally {
            discardUnless(ok);
            if (meters != null) {
                meters.processed(sourceId, System.nanoTime() - start);
            }
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
     * Fires the event-time timers the watermark passes (for a {@link TimerDriver}; see {@link Timers}), then
     * calls {@link Driver#processWatermark}, so what the timers emit precedes a forwarded watermark. The
     * timers' watermark is the highest one given on any source: an embedder with several inputs passes
     * the combined (minimum) watermark of its inputs, as Flink does.
     *
     * @param sourceId the input index (WIT {@code u32})
     * @param watermark the watermark (WIT {@code u64})
     * @throws SdkException {@code RUNTIME_NOT_INITIALIZED}, {@code RUNTIME_CLOSED}, or the driver's failure
     *     (step {@code onTimer} when a timer callback failed: the watermark is then not passed on)
     */
    public void processWatermark(int sourceId, long watermark) {
        ensureReady("processWatermark");
        boolean ok = false;
        try {
            // The timers' writes and the driver's are one batch: when either fails, none is kept.
            try {
                timers.advanceWatermark(watermark);
            } catch (Exception e) {
                throw failure("onTimer", e);
            }
            try {
                driver.processWatermark(context, sourceId, watermark);
                context.commit();
                ok = true;
            } catch (Exception e) {
                throw failure("processWatermark", e);
            }
        } finally {
            discardUnless(ok);
        }
    }

    /**
     * Fires the processing-time timers due at the time of the builder's clock (see {@link Timers}). An
     * embedder calls it whenever it likes, e.g. between records or from its poll loop; the test kit calls
     * it when a test advances its clock.
     *
     * @throws SdkException {@code RUNTIME_NOT_INITIALIZED}, {@code RUNTIME_CLOSED}, or a timer callback's
     *     failure (step {@code onTimer})
     */
    public void advanceProcessingTime() {
        ensureReady("advanceProcessingTime");
        boolean ok = false;
        try {
            timers.advanceProcessingTime();
            context.commit();
            ok = true;
        } catch (Exception e) {
            throw failure("onTimer", e);
        } finally {
            discardUnless(ok);
        }
    }

    /**
     * The operator's timer service, the one its context gives it: to register or delete timers from outside
     * the operator, or read the current watermark.
     */
    public Timers timers() {
        return timers;
    }

    /** The timers not fired yet, in firing order; for tests. */
    List<Timer> pendingTimers(TimeDomain domain) {
        return timers.pending(domain);
    }

    /**
     * Takes checkpoint {@code checkpointId} with no metadata; see {@link #takeCheckpoint(long, byte[])}.
     *
     * @param checkpointId the checkpoint (WIT {@code u64})
     */
    public void takeCheckpoint(long checkpointId) {
        takeCheckpoint(checkpointId, NO_METADATA);
    }

    /**
     * Takes checkpoint {@code checkpointId}: first {@link Driver#takeCheckpoint}, so the operator can flush
     * what it holds in memory to its stores; then its writes are committed; then, when the backend is a
     * {@link CheckpointingStateBackend}, {@link CheckpointingStateBackend#checkpoint(long, byte[])} with the
     * embedder's {@code metadata} (for example the input position this checkpoint covers, which
     * {@link #restore} returns). When the driver fails, its writes are dropped and the backend is not
     * asked. A backend without that capability is checkpointed by its host (Flink's keyed state is), so
     * only the driver runs.
     *
     * @param checkpointId the checkpoint (WIT {@code u64})
     * @param metadata small opaque bytes stored with the checkpoint; copied
     * @throws SdkException {@code RUNTIME_NOT_INITIALIZED}, {@code RUNTIME_CLOSED}, the driver's failure, or
     *     the backend's (its own code, e.g. {@code STORE_IO}, attributed to step {@code takeCheckpoint})
     */
    public void takeCheckpoint(long checkpointId, byte[] metadata) {
        Objects.requireNonNull(metadata, "metadata");
        ensureReady("takeCheckpoint");
        boolean ok = false;
        long start = System.nanoTime();
        try {
            driver.takeCheckpoint(context, checkpointId);
            context.commit();
            ok = true;
            if (backend instanceof CheckpointingStateBackend checkpointing) {
                checkpointing.checkpoint(checkpointId, metadata);
            }
        } catch (Exception e) {
            throw failure("takeCheckpoint", e);
        } finally {
            discardUnless(ok);
        }
        if (meters != null) {
            meters.checkpointed(System.nanoTime() - start);
        }
    }

    /**
     * Rolls every store of the backend back to completed checkpoint {@code checkpointId} and reopens this
     * runner's stores on the restored data, so the operator's store references keep working. The call's
     * pending writes (there are none between calls) are dropped. The operator's own memory is not rolled
     * back: operators that must resume exactly keep their state in stores (and flush it in
     * {@code takeCheckpoint}). Other runners on the same backend find their handles closed by the restore
     * and reopen them on their next call.
     *
     * @return the checkpoint, with the metadata stored with it
     * @throws SdkException {@code CONFIG_INVALID} when the backend cannot checkpoint, {@code RUNTIME_CLOSED}
     *     after close, or the backend's failure ({@code STORE_NOT_FOUND}, {@code STORE_IO}), after which
     *     the runner still works on the unchanged data
     */
    public CheckpointInfo restore(long checkpointId) {
        if (phase == Phase.CLOSED) {
            throw RunnerErrors.closed(operatorName, "restore");
        }
        CheckpointingStateBackend checkpointing = checkpointing(backend, operatorName);
        context.discard();
        CheckpointInfo info;
        try {
            info = checkpointing.restore(checkpointId);
        } catch (SdkException e) {
            throw RunnerErrors.stepFailed(operatorName, "restore", e);
        }
        context.reopenStores();
        restored = info;
        return info;
    }

    /**
     * The checkpoint this runner's state was last restored from, by {@link Builder#restoreFrom} or
     * {@link #restore}, with its metadata; empty when it never restored one.
     */
    public Optional<CheckpointInfo> restoredCheckpoint() {
        return Optional.ofNullable(restored);
    }

    /**
     * Calls {@link Driver#checkHeartbeat}.
     *
     * @return {@code false} when the operator reports itself unhealthy
     * @throws SdkException {@code RUNTIME_NOT_INITIALIZED}, {@code RUNTIME_CLOSED}, or the driver's failure
     */
    public boolean checkHeartbeat() {
        ensureReady("checkHeartbeat");
        boolean ok = false;
        try {
            boolean healthy = driver.checkHeartbeat(context);
            context.commit();
            ok = true;
            return healthy;
        } catch (Exception e) {
            throw failure("checkHeartbeat", e);
        } finally {
            discardUnless(ok);
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
        boolean ok = false;
        try {
            driver.exec(context, className, copy);
            context.commit();
            ok = true;
        } catch (Exception e) {
            throw failure("exec", e);
        } finally {
            discardUnless(ok);
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
        boolean ok = false;
        try {
            byte[] response;
            try {
                response = driver.custom(context, payload);
            } catch (Exception e) {
                throw failure("custom", e);
            }
            if (response == null) {
                // Checked before the commit: a call that broke the contract keeps none of its writes.
                throw new SdkException(ErrorCode.RESULT_UNEXPECTED, "custom returned null", operatorName, "custom",
                        null);
            }
            try {
                context.commit();
            } catch (RuntimeException e) {
                throw failure("custom", e);
            }
            ok = true;
            return response;
        } finally {
            discardUnless(ok);
        }
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
                context.commit();
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

    /** Drops the current call's writes unless it completed and committed them. */
    private void discardUnless(boolean committed) {
        if (!committed) {
            context.discard();
        }
    }

    private static CheckpointingStateBackend checkpointing(StateBackend backend, String operatorName) {
        if (backend instanceof CheckpointingStateBackend checkpointing) {
            return checkpointing;
        }
        throw new SdkException(ErrorCode.CONFIG_INVALID, "the state backend " + backend.getClass().getName()
                + " takes no checkpoints, so there is nothing to restore", operatorName, "restore", null);
    }

    private SdkException failure(String step, Exception e) {
        SdkException failure = RunnerErrors.stepFailed(operatorName, step, e);
        if (meters != null) {
            meters.failed(step, failure);
        }
        return failure;
    }

    /** Configures an {@link OperatorRunner}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private String operatorName;
        private Driver driver;
        private StateBackend stateBackend;
        private InstantSource processingTimeClock = InstantSource.system();
        private OutputSink outputSink = (targetId, data) -> { };
        private WatermarkSink watermarkSink = (targetId, watermark) -> { };
        private final Map<String, String> config = new LinkedHashMap<>();
        private Long restoreFrom;
        private CheckpointInfo restoredInfo;
        private MeterRegistry meterRegistry;
        private long maxCallWriteBytes = WriteBatch.DEFAULT_MAX_BYTES;
        private String storeNamespace;
        private final Set<String> sharedStores = new LinkedHashSet<>();
        private boolean migrateLegacyStores = true;

        private Builder() {
        }

        /**
         * The namespace of the operator's stores on the backend (see the class docs). Default: the operator
         * name. Runners with the same namespace see the same stores, which is what a restarted operator needs;
         * set it to keep an operator's state when renaming it, or to give two differently named runners one
         * state on purpose. Runners with different namespaces never see each other's stores, except those both
         * declare {@linkplain #sharedStore shared}.
         */
        public Builder storeNamespace(String namespace) {
            this.storeNamespace = Objects.requireNonNull(namespace, "namespace");
            return this;
        }

        /**
         * Declares the store {@code name} shared: the operator reaches it under {@code name} as usual, but it
         * lives outside the runner's namespace, in the shared one ({@link StoreNames#shared}), where every
         * runner on the backend that declares the same name reaches it too. Sharing needs both sides: a runner
         * that does not declare the name keeps its own store of that name. May be called for several names.
         *
         * @throws SdkException {@code STORE_INVALID_NAME} for a blank name
         */
        public Builder sharedStore(String name) {
            sharedStores.add(StoreNames.normalize(name));
            return this;
        }

        /**
         * Whether a store opened for the first time in this runner's namespace starts as a copy of the store
         * of the same bare name, when the backend has one: the layout of releases before namespaces, where
         * every operator on a backend reached every store by its name. Default {@code true}, so state written
         * by the previous release is found again. The copy is made once, atomically, and leaves the bare
         * store untouched (see {@link StateBackend#openMigrating}). Because a bare-named store was readable by
         * every operator, so is its copy: turn migration off for an operator that must not start from another
         * operator's pre-namespace state, e.g. an untrusted component added to an old backend.
         */
        public Builder migrateLegacyStores(boolean migrate) {
            this.migrateLegacyStores = migrate;
            return this;
        }

        /** The store namespace: the one given, or the operator name; stripped. */
        private String namespace() {
            return StoreNames.namespace(storeNamespace != null ? storeNamespace : operatorName);
        }

        /**
         * The most bytes of keys and values one driver call may write on a transactional backend (default
         * {@link WriteBatch#DEFAULT_MAX_BYTES}, 64 MiB). The writes wait on the JVM heap until the call
         * returns, so an operator that writes without end would otherwise exhaust the heap rather than fail;
         * the write that passes the budget fails the call with {@code LIMIT_EXCEEDED} and the call's writes are
         * discarded. Raise it for an operator that loads bulk data in one call (in {@code init}, say).
         *
         * @throws IllegalArgumentException if {@code bytes} is not positive
         */
        public Builder maxCallWriteBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxCallWriteBytes must be positive: " + bytes);
            }
            this.maxCallWriteBytes = bytes;
            return this;
        }

        /**
         * Registers the runner's meters in {@code registry}: {@code fssdk.records.in} per source,
         * {@code fssdk.records.out} per target, the {@code fssdk.process} timer with percentiles,
         * {@code fssdk.checkpoint}, and {@code fssdk.operator.failures} per step and code, all tagged with
         * the operator. Optional; without it nothing is measured and {@code process} pays one null check.
         * Needs {@code io.micrometer:micrometer-core} on the class path, which the runtime does not bring.
         */
        @SuppressWarnings("exports") // Micrometer is optional: an embedder that passes a registry requires it
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * The operator's name (required, not blank); errors and meters name it, and it is the default
         * {@linkplain #storeNamespace store namespace}, so keep it stable across restarts.
         */
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

        /**
         * The processing-time clock: what processing-time timers and typed state's TTLs follow. The system
         * clock by default; the test kit passes one the test controls.
         */
        public Builder processingTimeClock(InstantSource clock) {
            this.processingTimeClock = Objects.requireNonNull(clock, "clock");
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
         * Restores the backend to completed checkpoint {@code checkpointId} when the runner is built, before
         * the operator sees any state (find the newest with
         * {@link CheckpointingStateBackend#latestCheckpoint()}). The backend must be a
         * {@link CheckpointingStateBackend}; the checkpoint and its metadata are then
         * {@link OperatorRunner#restoredCheckpoint()}.
         */
        public Builder restoreFrom(long checkpointId) {
            this.restoreFrom = checkpointId;
            return this;
        }

        /**
         * Builds the runner. It is not initialised: call {@link OperatorRunner#init()}.
         *
         * @throws SdkException {@code RUNTIME_INVALID_DRIVER} without a driver; {@code CONFIG_INVALID}
         *     without a state backend, with a missing or blank operator name or a blank store namespace,
         *     with shared stores on a backend that belongs to one operator, or with
         *     {@link #restoreFrom} on a backend that takes no checkpoints; the backend's failure to
         *     restore ({@code STORE_NOT_FOUND}, {@code STORE_IO}), which changes nothing
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
            if (storeNamespace != null && storeNamespace.isBlank()) {
                throw new SdkException(ErrorCode.CONFIG_INVALID, "store namespace is blank", operatorName, null, null);
            }
            if (!sharedStores.isEmpty() && stateBackend.scopedToOneOperator()) {
                throw new SdkException(ErrorCode.CONFIG_INVALID, "the state backend " + stateBackend.getClass().getName()
                        + " belongs to one operator, so its stores " + sharedStores + " cannot be shared", operatorName,
                        null, null);
            }
            restoredInfo = null;
            if (restoreFrom != null) {
                try {
                    restoredInfo = checkpointing(stateBackend, operatorName).restore(restoreFrom);
                } catch (SdkException e) {
                    throw e.operator().isPresent() ? e : RunnerErrors.stepFailed(operatorName, "restore", e);
                }
            }
            return new OperatorRunner(this);
        }
    }
}
