package io.fssdk.benchmarks;

import io.fssdk.api.spi.StateBackend;
import io.fssdk.runtime.OperatorRunner;
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
 * Question 1: what does the sandbox cost a real operator? The word counter, records per second, on the
 * same 100 distinct words in the same order, as native Java and as the C component on both Chicory
 * engines, each on both backends. One operation is one record through {@link OperatorRunner#process}:
 * trim, get-state, parse, put-state, and the JSON of the whole counter map (about 1.3 KB) emitted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)  // the component's JIT-compiled code settles after about 6 s
@Measurement(iterations = 4, time = 2)
@Fork(2)  // two JVMs, so one unlucky JIT compilation cannot decide the ratio
public class CounterBenchmark {
    @Param({"NATIVE", "WASM_COMPILER", "WASM_CHICORY", "WASM_INTERPRETER"})
    Engine engine;

    @Param({"MEMORY", "ROCKSDB"})
    Backend backend;

    /**
     * ATOMIC: each record's writes are one batch, committed when the call returns (the runner's default on
     * both backends). DIRECT: each write goes to the store as it is made (the runner before atomic calls),
     * through {@link DirectWritesBackend}. Only ATOMIC runs by default; {@code -p writes=ATOMIC,DIRECT}
     * compares the two in one run.
     */
    @Param({"ATOMIC"})
    String writes;

    private Backend.Opened opened;
    private OperatorRunner runner;
    private CountingSink sink;
    private byte[][] words;
    private int next;

    /** Opens a fresh backend and starts one counter on it. */
    @Setup(Level.Trial)
    public void setUp() {
        words = Fixtures.words();
        opened = backend.open();
        sink = new CountingSink();
        StateBackend state = writes.equals("DIRECT") ? new DirectWritesBackend(opened.backend()) : opened.backend();
        runner = Runners.started("counter", engine.counter().get(), state, sink);
    }

    /** Closes the counter, then its backend (deleting RocksDB's files). */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        runner.close();
        opened.close();
    }

    /** Counts the next word. */
    @Benchmark
    public long process() {
        runner.process(0, words[next]);
        next = next + 1 == words.length ? 0 : next + 1;
        return sink.bytes();
    }
}
