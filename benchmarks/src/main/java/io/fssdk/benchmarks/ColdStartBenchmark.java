package io.fssdk.benchmarks;

import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentInstance;
import io.fssdk.runtime.component.ComponentOptions;
import io.fssdk.runtime.component.ExecutionMode;
import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.memory.InMemoryStateBackend;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question 4a: how long until the first record can run, in a fresh JVM? Each fork measures exactly one
 * call (no warm-up), so every sample includes class loading and a cold JIT, as a real start does.
 * <ul>
 *   <li>{@code engine}: parse, compile and instantiate {@code counter.wasm} with the component engine
 *       alone (imports stubbed; the counter's start function runs, its imports are not called).</li>
 *   <li>{@code operator}: the same through WasmDriver and a runner on an in-memory backend, up to and
 *       including fs-init: what an embedder waits for.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(6)
public class ColdStartBenchmark {
    @Param({"COMPILER", "CHICORY_COMPILER", "INTERPRETER"})
    ExecutionMode mode;

    private byte[] binary;

    /** Reads the binary out of the jar, which is not part of a start-up. */
    @Setup(Level.Trial)
    public void setUp() {
        binary = Fixtures.counterComponent();
    }

    /** Parse, compile, instantiate with the engine alone. */
    @Benchmark
    public ComponentInstance engine() {
        Component component = Component.load(binary, ComponentOptions.builder().executionMode(mode).build());
        return Linker.builder().stubUnknownImports(true).build().instantiate(component.compile());
    }

    /** Parse, compile, instantiate and fs-init through WasmDriver and a runner. */
    @Benchmark
    public OperatorRunner operator() {
        InMemoryStateBackend backend = new InMemoryStateBackend();
        // Left open on purpose: the fork ends right after this one call.
        return Runners.started("counter", ComponentOperator.load(binary, mode).get(), backend, new CountingSink());
    }
}
