package io.fssdk.benchmarks;

import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.component.ComponentInstance;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question 4b: what does one more instance cost once the component is compiled (scaling out, or
 * replacing an instance after a trap)? Target: at most 1 ms.
 * <ul>
 *   <li>{@code engine}: {@link Linker#instantiate} of the compiled counter (imports stubbed): new
 *       memories and tables, data segments copied, the start function run.</li>
 *   <li>{@code operator}: a new WasmDriver in a new runner, fs-init run, then closed (fs-close, the
 *       store handle dropped).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExtraInstanceBenchmark {
    private ComponentOperator counter;
    private Linker stubs;
    private InMemoryStateBackend backend;

    /** Loads and compiles the counter once. */
    @Setup(Level.Trial)
    public void setUp() {
        counter = ComponentOperator.load(Fixtures.counterComponent(), ExecutionMode.COMPILER);
        stubs = Linker.builder().stubUnknownImports(true).build();
        backend = new InMemoryStateBackend();
    }

    /** Closes the backend. */
    @TearDown(Level.Trial)
    public void tearDown() {
        backend.close();
    }

    /** One more engine instance. */
    @Benchmark
    public ComponentInstance engine() {
        return stubs.instantiate(counter.component());
    }

    /** One more operator: driver, runner, fs-init, close. */
    @Benchmark
    public boolean operator() {
        OperatorRunner runner = Runners.started("counter", counter.get(), backend, new CountingSink());
        runner.close();
        return runner.isClosed();
    }
}
