package io.fssdk.benchmarks;

import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.component.ExecutionMode;
import java.nio.charset.StandardCharsets;
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
 * Question 3: what does one kv call from the guest cost? {@code host-calls.wasm} makes {@value #CALLS}
 * get-state (or put-state) calls per fs-process, on an 8-byte key and value, through the whole runner on
 * the runtime compiler. One operation is one fs-process; the price of one call is
 * {@code (time(get) - time(empty)) / CALLS}, which removes the export's own entry and exit. BenchReport
 * does that subtraction.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HostCallBenchmark {
    /** kv calls the guest makes per fs-process (for {@code get} and {@code put}). */
    public static final int CALLS = 1000;

    /** {@code empty}: fs-process returns at once; {@code get}, {@code put}: {@value #CALLS} calls. */
    @Param({"empty", "get", "put"})
    String calls;

    @Param({"MEMORY", "ROCKSDB"})
    Backend backend;

    private Backend.Opened opened;
    private OperatorRunner runner;
    private byte[] input;

    /** Starts host-calls.wasm on a fresh backend; its fs-init writes the one key. */
    @Setup(Level.Trial)
    public void setUp() {
        String command = switch (calls) {
            case "empty" -> "e";
            case "get" -> "g" + CALLS;
            case "put" -> "p" + CALLS;
            default -> throw new IllegalArgumentException("unknown calls: " + calls);
        };
        input = command.getBytes(StandardCharsets.US_ASCII);
        opened = backend.open();
        ComponentOperator component = ComponentOperator.load(Fixtures.hostCallsComponent(), ExecutionMode.COMPILER);
        runner = Runners.started("host-calls", component.get(), opened.backend(), new CountingSink());
    }

    /** Closes the runner and the backend. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        runner.close();
        opened.close();
    }

    /** One fs-process. */
    @Benchmark
    public void process() {
        runner.process(0, input);
    }
}
