package io.fssdk.runtime.processor;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.Module;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentExtern;
import io.fssdk.runtime.component.ExecutionMode;
import io.fssdk.runtime.guest.CallWatchdog;
import io.fssdk.runtime.guest.GuestEvents;
import io.fssdk.runtime.guest.GuestFailures;
import io.fssdk.runtime.guest.GuestMeters;
import io.fssdk.runtime.guest.GuestSupervisor;
import io.fssdk.runtime.guest.HostCalls;
import io.fssdk.runtime.wasi.WasiOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link Driver} backed by a WebAssembly component of Function Stream's {@code processor} world
 * ({@code wit/processor.wit}), run in the Chicory sandbox. Give it to an
 * {@link io.fssdk.runtime.OperatorRunner} like any native operator:
 *
 * <pre>{@code
 * WasmDriver driver = WasmDriver.builder()
 *         .component(Path.of("counter.wasm"))
 *         .operatorName("counter")
 *         .build();
 * }</pre>
 *
 * <p><b>Lifecycle.</b> Each {@code Driver} step calls the export of the same name:
 * {@link #init} instantiates the component (running its start functions) and calls {@code fs-init} with
 * the configuration as a list of pairs, in the map's order; {@link #process} calls {@code fs-process},
 * {@link #processWatermark} {@code fs-process-watermark}, {@link #takeCheckpoint}
 * {@code fs-take-checkpoint}, {@link #checkHeartbeat} {@code fs-check-heartbeat}, {@link #exec}
 * {@code fs-exec}, {@link #custom} {@code fs-custom}, and {@link #close} {@code fs-close}. Exports other
 * than {@code fs-process} are optional: a missing one behaves like the {@code Driver} default.
 *
 * <p><b>Imports.</b> {@code collector.emit} and {@code emit-watermark} go to {@link Context#emit} and
 * {@link Context#emitWatermark}; the kv {@code store} is {@link Context#getOrCreateStore}, with every
 * method mapped to {@link io.fssdk.api.Store} and store failures returned to the guest as the WIT
 * {@code error} variant ({@code not-found} for {@code STORE_NOT_FOUND}, {@code io-error} for
 * {@code STORE_IO}, {@code other} for anything else), never as a trap. The constructor has no error
 * result, so a blank store name traps, naming {@code STORE_INVALID_NAME}. Dropping a {@code store}
 * handle leaves the runner's store open; dropping an {@code iterator} closes its scan. WASI 0.2 is
 * linked in too, granting nothing unless {@link Builder#wasi} says otherwise.
 *
 * <p><b>Failures and restarts.</b> When the guest traps, runs past its deadline, or hits the memory cap
 * during any call, the call throws {@link SdkException} naming the operator, the export, the source id
 * (for {@code fs-process} and {@code fs-process-watermark}) and the guest's trap message, with code
 * {@link ErrorCode#LIMIT_EXCEEDED} for the two limits and {@link ErrorCode#OPERATOR_FAILED} otherwise
 * (or the code of the host failure that caused the trap). The instance is then discarded and the scans
 * it opened are closed. The next call starts a fresh instance and calls {@code fs-init} again with the
 * same configuration before making its own call; state written to the stores survives. When
 * {@code fs-check-heartbeat} returns {@code false}, {@link #checkHeartbeat} returns {@code false} and the
 * instance is discarded the same way. A call after {@link #close} throws {@code RUNTIME_CLOSED}; a call
 * other than {@code init} before {@code init} succeeded throws {@code RUNTIME_NOT_INITIALIZED}.
 *
 * <p><b>Limits.</b> The guest's linear memory is capped ({@link Builder#maxMemoryBytes}, default
 * {@value Builder#DEFAULT_MAX_MEMORY_MIB} MiB), and so is the time of each call into it
 * ({@link Builder#callDeadline}, default {@value Builder#DEFAULT_DEADLINE_SECONDS} s): the deadline
 * interrupts the calling thread, and the driver clears the interrupt flag afterwards.
 *
 * <p><b>Threads.</b> Like any driver, a {@code WasmDriver} is called by one thread at a time. It holds one
 * instance; for parallelism build one driver per operator instance, sharing one loaded
 * {@link Component} ({@link Builder#component(Component)}), which is thread-safe.
 *
 * <p><b>Hot path.</b> {@code fs-process}, {@code emit}, {@code get-state} and {@code put-state} copy bytes
 * straight between guest memory and Java arrays, without building component-model value trees.
 */
public final class WasmDriver implements Driver {
    /**
     * The class-path resource holding the Python runtime component that {@link Builder#python} runs
     * (shipped by the artifact {@code io.fssdk:sdk-python-runtime}).
     */
    public static final String PYTHON_RUNTIME_RESOURCE = "fssdk-python-runtime/fssdk-python-runtime.wasm";

    private final String operatorName;
    private final Component component;
    private final Duration callDeadline;
    private final GuestSupervisor<ProcessorSession> supervisor;
    /** The body of every {@link #process} call, reused: see {@link ProcessCall}. */
    private final ProcessCall processCall = new ProcessCall();

    private WasmDriver(Builder b, String operatorName, Component component, Duration callDeadline) {
        this.operatorName = operatorName;
        this.component = component;
        this.callDeadline = callDeadline;
        long capBytes = (long) component.options().maxMemoryPages() * 65536;
        HostCalls calls = new HostCalls();
        WasiOptions wasi = b.wasi != null ? b.wasi : WasiOptions.builder().name(operatorName).build();
        // Micrometer is optional: GuestMeters (the one class using it here) is loaded only with a registry.
        GuestMeters meters = b.meterRegistry != null ? GuestMeters.register(b.meterRegistry, operatorName) : null;
        this.supervisor = new GuestSupervisor<>(operatorName,
                new ProcessorWorld(component, ProcessorLinker.build(calls, b.stubUnknownImports, wasi, b.caps),
                        b.pythonSource),
                calls,
                new CallWatchdog(callDeadline), new GuestFailures(operatorName, callDeadline, capBytes),
                meters != null ? meters : GuestEvents.NONE);
        if (meters != null) {
            meters.watch(supervisor);
        }
    }

    /**
     * Checks a component's exports against the {@code processor} world, as {@link Builder#build()} does,
     * e.g. on the exports of {@link Component#describe(byte[])} when the component is not to be loaded.
     *
     * @throws SdkException {@code RUNTIME_INVALID_DRIVER} when {@code fs-process} is missing or an export
     *     has another type than the world gives it, naming the export and both types
     */
    public static void checkProcessorExports(List<ComponentExtern> exports) {
        ProcessorExports.check(List.copyOf(exports), null);
    }

    /** A new builder; a component is required, everything else has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The operator's name, as errors give it. */
    public String operatorName() {
        return operatorName;
    }

    /** The component this driver runs; its options hold the execution mode and the memory cap. */
    public Component component() {
        return component;
    }

    /**
     * The linear memory the live guest instance holds, in bytes; 0 before {@code init} and between a
     * failure and the next call. Safe to read from another thread (a progress line); the answer may be
     * a moment old.
     */
    public long memoryBytes() {
        return supervisor.memoryBytes();
    }

    /** The per-call deadline, {@link Duration#ZERO} for none. */
    public Duration callDeadline() {
        return callDeadline;
    }

    /**
     * Instantiates the component and calls {@code fs-init} with {@code config}. Calling it again discards
     * the current instance and starts over with the new configuration.
     *
     * @throws SdkException {@code RUNTIME_INVALID_DRIVER} when the component cannot be linked (an import
     *     the host does not offer), or a guest failure as described in the class docs
     */
    @Override
    public void init(Context ctx, Map<String, String> config) {
        supervisor.init(ctx, Objects.requireNonNull(config, "config"));
    }

    /** Calls {@code fs-process}, copying the record into guest memory once. */
    @Override
    public void process(Context ctx, int sourceId, byte[] data) {
        ProcessCall body = processCall;
        body.sourceId = sourceId;
        body.data = data;
        try {
            supervisor.call(ctx, ProcessorExports.PROCESS, Integer.toUnsignedLong(sourceId), body);
        } finally {
            body.data = null; // the driver keeps no record alive after its call, even one that failed early
        }
    }

    /**
     * {@code fs-process}'s body with its arguments in fields, one per driver: a lambda capturing them, and
     * the supervisor's wrapper of a {@code Consumer}, were two allocations on every record (40 of the 120
     * bytes a 64-byte record allocated). The driver is called by one thread at a time, and the body takes
     * its arguments before it calls the guest, so a nested call (which the supervisor refuses anyway) could
     * not see them change under it.
     */
    private static final class ProcessCall implements Function<ProcessorSession, Void> {
        int sourceId;
        byte[] data;

        @Override
        public Void apply(ProcessorSession s) {
            s.process(sourceId, data);
            return null;
        }
    }

    /** Calls {@code fs-process-watermark}. */
    @Override
    public void processWatermark(Context ctx, int sourceId, long watermark) {
        supervisor.run(ctx, ProcessorExports.PROCESS_WATERMARK, Integer.toUnsignedLong(sourceId),
                s -> s.processWatermark(sourceId, watermark));
    }

    /** Calls {@code fs-take-checkpoint}. */
    @Override
    public void takeCheckpoint(Context ctx, long checkpointId) {
        supervisor.run(ctx, ProcessorExports.TAKE_CHECKPOINT, GuestFailures.Where.NO_SOURCE,
                s -> s.takeCheckpoint(checkpointId));
    }

    /**
     * Calls {@code fs-check-heartbeat}. When the guest answers {@code false}, its instance is discarded and
     * the next call starts a fresh one, re-initialised with the same configuration.
     */
    @Override
    public boolean checkHeartbeat(Context ctx) {
        boolean healthy = supervisor.call(ctx, ProcessorExports.CHECK_HEARTBEAT, GuestFailures.Where.NO_SOURCE,
                ProcessorSession::checkHeartbeat);
        if (!healthy) {
            supervisor.restart();
        }
        return healthy;
    }

    /** Calls {@code fs-exec} with the class name and the modules as (name, bytes) pairs. */
    @Override
    public void exec(Context ctx, String className, List<Module> modules) {
        supervisor.run(ctx, ProcessorExports.EXEC, GuestFailures.Where.NO_SOURCE, s -> s.exec(className, modules));
    }

    /** Calls {@code fs-custom}; a guest without it answers with a copy of the payload. */
    @Override
    public byte[] custom(Context ctx, byte[] payload) {
        return supervisor.call(ctx, ProcessorExports.CUSTOM, GuestFailures.Where.NO_SOURCE, s -> s.custom(payload));
    }

    /**
     * Calls {@code fs-close} on the live instance, if there is one, and closes the scans it left open. An
     * instance discarded after a failure is not restarted just to be closed. Idempotent.
     */
    @Override
    public void close(Context ctx) {
        supervisor.close(ctx);
    }

    @Override
    public String toString() {
        return "WasmDriver[" + operatorName + "]";
    }

    /**
     * Configures a {@link WasmDriver}. Exactly one component source is required: a file, bytes, a URL, a
     * class-path resource, or an already loaded {@link Component}. {@link #build()} loads (parses and
     * validates) the component, checks its exports, and builds the linker; the guest's code is compiled
     * on first instantiation, outside the deadline. Not thread-safe.
     */
    public static final class Builder {
        /** The default memory cap, in MiB. */
        public static final int DEFAULT_MAX_MEMORY_MIB = 256;
        /** The default per-call deadline, in seconds. */
        public static final int DEFAULT_DEADLINE_SECONDS = 10;

        private ComponentSource source;
        private String operatorName;
        private ExecutionMode executionMode;
        private Long maxMemoryBytes;
        private Path codeCache;
        private long maxFuel;
        private long maxGcBytes;
        /** The default per-call deadline of a {@link #python} operator, in seconds. */
        public static final int DEFAULT_PYTHON_DEADLINE_SECONDS = 300;

        private Duration callDeadline;
        private boolean stubUnknownImports;
        private ResourceCaps caps = ResourceCaps.DEFAULTS;
        private WasiOptions wasi;
        private Path pythonFile;
        private String pythonClass = "";
        private PythonSource pythonSource;
        private MeterRegistry meterRegistry;

        private Builder() {
        }

        /** The component file. */
        public Builder component(Path path) {
            return source(ComponentSource.of(Objects.requireNonNull(path, "path")));
        }

        /** The component binary; copied. */
        public Builder component(byte[] binary) {
            return source(ComponentSource.of(Objects.requireNonNull(binary, "binary")));
        }

        /** The component at a URL, e.g. {@code MyApp.class.getResource("counter.wasm")}. */
        public Builder component(URL url) {
            return source(ComponentSource.of(Objects.requireNonNull(url, "url")));
        }

        /**
         * A component already loaded, e.g. shared by several drivers. Its
         * {@link io.fssdk.runtime.component.ComponentOptions} fix the execution mode and the memory cap, so
         * {@link #executionMode} and {@link #maxMemoryBytes} must not be set as well.
         */
        public Builder component(Component component) {
            return source(ComponentSource.of(Objects.requireNonNull(component, "component")));
        }

        /**
         * A class-path resource, by its absolute name ({@code io/fssdk/examples/guests/counter.wasm}), looked
         * up through the thread's context class loader, else this class's. In a named module, the package
         * holding it must be opened.
         */
        public Builder componentResource(String name) {
            return source(ComponentSource.resource(Objects.requireNonNull(name, "name")));
        }

        /** The name errors give the operator; by default the component's file name without {@code .wasm}. */
        public Builder operatorName(String operatorName) {
            this.operatorName = Objects.requireNonNull(operatorName, "operatorName");
            return this;
        }

        /** How the guest runs; the default is {@link ExecutionMode#COMPILER} (our compiler). */
        public Builder executionMode(ExecutionMode mode) {
            this.executionMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Caps the guest's linear memory, rounded down to whole 64 KiB pages; the default is
         * {@value #DEFAULT_MAX_MEMORY_MIB} MiB. A smaller maximum that the guest declares itself still
         * applies. A guest that traps with its memory at the cap fails with {@code LIMIT_EXCEEDED}.
         */
        public Builder maxMemoryBytes(long bytes) {
            this.maxMemoryBytes = bytes;
            return this;
        }

        /**
         * Keeps the guest's compiled code in {@code directory}, so another JVM running the same component skips
         * compiling it (see {@link io.fssdk.runtime.component.ComponentOptions.Builder#codeCache}). Off by
         * default; the command line turns it on under the user's cache directory.
         */
        public Builder codeCache(Path directory) {
            this.codeCache = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * A budget of {@code steps} (function entries plus loop iterations) for every call into the guest; a call
         * that uses it up fails with {@code LIMIT_EXCEEDED} naming fuel. Where the deadline bounds wall time,
         * fuel bounds work, the same on any machine (see
         * {@link io.fssdk.runtime.component.ComponentOptions.Builder#maxFuel}). Needs
         * {@link ExecutionMode#COMPILER}; 0, the default, means none.
         */
        public Builder maxFuel(long steps) {
            if (steps < 0) {
                throw new SdkException(ErrorCode.CONFIG_INVALID, "maxFuel must not be negative, got " + steps);
            }
            this.maxFuel = steps;
            return this;
        }

        /**
         * The most heap one core instance's GC objects (the structs and arrays of a guest built for the wasm GC
         * proposal) may take, by estimate; an allocation past it fails the call, and the guest restarts on a
         * fresh instance, so a guest hoarding objects cannot take the host's heap (see
         * {@link io.fssdk.runtime.component.ComponentOptions.Builder#maxGcBytes}). The default is a quarter of the
         * JVM's maximum heap, at most 1 GiB; set it lower where many operators share one JVM.
         */
        public Builder maxGcBytes(long bytes) {
            if (bytes <= 0) {
                throw new SdkException(ErrorCode.CONFIG_INVALID, "maxGcBytes must be positive, got " + bytes);
            }
            this.maxGcBytes = bytes;
            return this;
        }

        /**
         * The most any one call into the guest may take (instantiation included, compilation not); the
         * default is {@value #DEFAULT_DEADLINE_SECONDS} s. A call past it is interrupted and fails with
         * {@code LIMIT_EXCEEDED}. {@link Duration#ZERO} means no deadline.
         */
        public Builder callDeadline(Duration deadline) {
            this.callDeadline = Objects.requireNonNull(deadline, "deadline");
            return this;
        }

        /**
         * What the guest may do through WASI 0.2, which every driver links in (guests built by TinyGo or
         * componentize-js import it). By default nothing is granted: no environment, arguments, files or
         * network, an empty stdin, and stdout and stderr logged through SLF4J tagged with the operator name.
         */
        public Builder wasi(WasiOptions options) {
            this.wasi = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Caps on the scans, store handles and distinct stores a guest may hold (see {@link ResourceCaps});
         * the default is {@link ResourceCaps#DEFAULTS}.
         */
        public Builder resourceCaps(ResourceCaps caps) {
            this.caps = Objects.requireNonNull(caps, "caps");
            return this;
        }

        /**
         * Whether imports the driver does not define (e.g. a {@code wasi:http} interface a guest imports
         * but never calls) become functions that trap when called, instead of failing {@code init}. Off by
         * default.
         */
        public Builder stubUnknownImports(boolean stub) {
            this.stubUnknownImports = stub;
            return this;
        }

        /**
         * Runs a Python operator from its source file, e.g. {@code python(Path.of("counter.py"))}: a
         * subclass of {@code fs_api.FSProcessorDriver}, written for Function Stream's Python runtime. The
         * driver runs fssdk-java's prebuilt Python runtime component (CPython 3.14 built by
         * componentize-py), loaded from the class path: add the artifact {@code io.fssdk:sdk-python-runtime}.
         * Each fresh instance gets the file's source through {@code fs-exec}, as module {@code counter} for
         * {@code counter.py}, before {@code fs-init}; that includes the instances started after a failure.
         * The operator name defaults to the module name. A component given as well (e.g. the runtime
         * loaded once with {@link #PYTHON_RUNTIME_RESOURCE} and shared by several drivers) is used as the
         * runtime instead of the class-path one.
         *
         * <p>The runtime is a large guest (about 18 MB: CPython and its standard library), so unless set
         * otherwise it runs in {@link ExecutionMode#INTERPRETER} mode (Chicory's runtime compiler would take
         * minutes on it) with a per-call deadline of {@value #DEFAULT_PYTHON_DEADLINE_SECONDS} s, which covers
         * its instantiation. See the README for the measured start-up time and rate.
         */
        public Builder python(Path file) {
            this.pythonFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * The operator class in the {@link #python} file. By default the file's one subclass of
         * {@code FSProcessorDriver} (as Function Stream's client finds it).
         */
        public Builder pythonClass(String className) {
            this.pythonClass = Objects.requireNonNull(className, "className");
            return this;
        }

        /**
         * Registers the guest's meters in {@code registry}: {@code fssdk.guest.traps} and
         * {@code fssdk.guest.restarts} per cause, and the {@code fssdk.guest.memory.pages} gauge, all
         * tagged with the operator. Optional; without it nothing is measured and a call pays nothing for
         * metrics. Needs {@code io.micrometer:micrometer-core} on the class path, which the runtime does
         * not bring itself.
         */
        @SuppressWarnings("exports") // Micrometer is optional: an embedder that passes a registry requires it
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        private Builder source(ComponentSource s) {
            this.source = s;
            return this;
        }

        /**
         * Loads the component and builds the driver.
         *
         * @throws SdkException {@code CONFIG_INVALID} without a component, with a blank operator name, a
         *     negative deadline, a memory cap below 64 KiB or above 2 GiB less one page, limits set next to a loaded
         *     {@code Component}, or a component that cannot be read; {@code RUNTIME_INVALID_DRIVER} for a
         *     component that is malformed, invalid, or not a processor (no {@code fs-process}, or an export
         *     of the wrong type)
         */
        public WasmDriver build() {
            ComponentSource source = this.source;
            if (source == null && pythonFile != null) {
                source = ComponentSource.resource(PYTHON_RUNTIME_RESOURCE);
            }
            if (source == null) {
                throw new SdkException(ErrorCode.CONFIG_INVALID, "no component given");
            }
            String name = operatorName != null ? operatorName : source.defaultName();
            pythonSource = null;
            if (pythonFile != null) {
                pythonSource = PythonSource.read(pythonFile, pythonClass, name);
                name = operatorName != null ? operatorName : pythonSource.lastModule();
            }
            if (name.isBlank()) {
                throw new SdkException(ErrorCode.CONFIG_INVALID, "operator name is blank");
            }
            Duration deadline = callDeadline != null ? callDeadline : Duration.ofSeconds(pythonFile != null
                    ? DEFAULT_PYTHON_DEADLINE_SECONDS : DEFAULT_DEADLINE_SECONDS);
            if (deadline.isNegative()) {
                throw new SdkException(ErrorCode.CONFIG_INVALID, "call deadline is negative: " + deadline,
                        name, null, null);
            }
            // A Python runtime is interpreted by default, unless it comes loaded (its options are fixed then).
            ExecutionMode mode = executionMode != null || pythonFile == null || source.isLoaded() ? executionMode
                    : ExecutionMode.INTERPRETER;
            Component component = source.load(mode, maxMemoryBytes, codeCache, maxFuel, maxGcBytes, name);
            ProcessorExports.check(component, name);
            return new WasmDriver(this, name, component, deadline);
        }
    }
}
