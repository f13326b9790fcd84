package io.fssdk.benchmarks;

import io.fssdk.api.Driver;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.component.ExecutionMode;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question 2: what does the component model add to a call? The same work, "take a 64-byte payload and
 * emit it once", these ways:
 * <ul>
 *   <li>{@code rawChicory}: a hand-written core module on bare Chicory ({@link RawChicoryEmitter}): write
 *       the payload into memory, call the export, and the host import copies it out. The floor, but
 *       not the same module: it has no allocator.</li>
 *   <li>{@code rawChicorySameModule}: the main core module of {@code emit-once.wasm} itself on bare
 *       Chicory ({@link RawChicorySameModule}), driven the way the canonical ABI needs: cabi_realloc (libc's
 *       malloc), the payload written, the lowered fs-process, emit copying out. Issue 10's baseline:
 *       the guest's malloc and free run on both sides, so {@code wasmDriver / rawChicorySameModule} is
 *       the engine's and the binding's share alone, with each compiler running the same malloc.
 *       {@code rawChicorySameModuleBumpAlloc} is the same for {@code emit-once-bump.wasm}, the baseline
 *       of {@code wasmDriverBumpAlloc}.</li>
 *   <li>{@code wasmDriver}: {@code emit-once.wasm} through WasmDriver with a bare {@link DirectContext}:
 *       the canonical ABI (the payload allocated through cabi_realloc, which is libc's malloc, and freed
 *       by the guest; the import lowered through the component's shim table) plus the binding. The tax
 *       is {@code wasmDriver / rawChicorySameModule} (our compiler, engine and binding against Chicory's
 *       compiler on the same code) and {@code wasmDriver / rawChicory} (the guest's allocator as well).</li>
 *   <li>{@code wasmDriverBumpAlloc}: the same component built with a bump allocator as cabi_realloc
 *       ({@code emit-once-bump.wasm}), which separates the guest's malloc and free from the engine's
 *       and the binding's share of the tax.</li>
 *   <li>{@code runner}: the same through {@link OperatorRunner}, which adds the runner's checks and the
 *       copy its context makes of every emitted record.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(1)
public class AbiTaxBenchmark {
    @Param({"COMPILER", "CHICORY_COMPILER", "INTERPRETER"})
    ExecutionMode mode;

    private final byte[] payload = new byte[64];
    private RawChicoryEmitter raw;
    private RawChicorySameModule sameModule;
    private RawChicorySameModule bumpSameModule;
    private Driver driver;
    private Driver bumpDriver;
    private DirectContext context;
    private InMemoryStateBackend backend;
    private OperatorRunner runner;
    private CountingSink sink;

    /** Instantiates the raw module and two instances of the component (one direct, one in a runner). */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Arrays.fill(payload, (byte) 'x');
        raw = new RawChicoryEmitter(mode);
        sameModule = new RawChicorySameModule(Fixtures.emitOnceComponent(), mode, data -> { });
        bumpSameModule = new RawChicorySameModule(Fixtures.emitOnceBumpComponent(), mode, data -> { });
        ComponentOperator component = ComponentOperator.load(Fixtures.emitOnceComponent(), mode);
        backend = new InMemoryStateBackend();
        context = new DirectContext(backend);
        driver = component.get();
        driver.init(context, Map.of());
        bumpDriver = ComponentOperator.load(Fixtures.emitOnceBumpComponent(), mode).get();
        bumpDriver.init(context, Map.of());
        sink = new CountingSink();
        runner = Runners.started("emit-once", component.get(), backend, sink);
    }

    /** Closes the direct driver, the runner and the backend. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        driver.close(context);
        bumpDriver.close(context);
        runner.close();
        backend.close();
    }

    /** The floor: bare Chicory, one export call, one import call, one copy each way. */
    @Benchmark
    public long rawChicory() {
        raw.process(payload);
        return raw.emittedBytes();
    }

    /** The same core module as wasmDriver on bare Chicory: cabi_realloc, fs-process, emit, no component. */
    @Benchmark
    public long rawChicorySameModule() {
        sameModule.process(payload);
        return sameModule.emittedBytes();
    }

    /** The same for the bump-allocator build: the baseline of wasmDriverBumpAlloc. */
    @Benchmark
    public long rawChicorySameModuleBumpAlloc() {
        bumpSameModule.process(payload);
        return bumpSameModule.emittedBytes();
    }

    /** fs-process through WasmDriver, emit through a bare context. */
    @Benchmark
    public long wasmDriver() throws Exception {
        driver.process(context, 0, payload);
        return context.emittedBytes();
    }

    /** The same with the cheapest cabi_realloc the ABI allows. */
    @Benchmark
    public long wasmDriverBumpAlloc() throws Exception {
        bumpDriver.process(context, 0, payload);
        return context.emittedBytes();
    }

    /** fs-process through the whole runner. */
    @Benchmark
    public long runner() {
        runner.process(0, payload);
        return sink.bytes();
    }
}
