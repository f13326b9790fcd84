package io.fssdk.benchmarks;

import io.fssdk.api.Driver;
import io.fssdk.runtime.OperatorRunner;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question 5: do operator instances scale across cores? The counter on one thread, then on two threads
 * at once, each thread with its own runner, driver (its own component instance) and in-memory backend;
 * the component is compiled once and shared, as an embedder would. JMH reports the two-thread score as
 * the sum over both threads, so perfect scaling on these 2-core machines is twice the one-thread score.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScalingBenchmark {
    /** What every thread shares: the engine and, for components, the compiled component. */
    @State(Scope.Benchmark)
    public static class Shared {
        @Param({"NATIVE", "WASM_COMPILER"})
        Engine engine;

        Supplier<Driver> drivers;

        /** Compiles the component once for all threads. */
        @Setup(Level.Trial)
        public void setUp() {
            drivers = engine.counter();
        }
    }

    /** One operator instance per thread. */
    @State(Scope.Thread)
    public static class Operator {
        private Backend.Opened opened;
        private OperatorRunner runner;
        private CountingSink sink;
        private byte[][] words;
        private int next;

        /** Starts this thread's own counter on its own in-memory backend. */
        @Setup(Level.Trial)
        public void setUp(Shared shared) {
            words = Fixtures.words();
            opened = Backend.MEMORY.open();
            sink = new CountingSink();
            runner = Runners.started("counter", shared.drivers.get(), opened.backend(), sink);
        }

        /** Closes this thread's counter and backend. */
        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            runner.close();
            opened.close();
        }

        long processNext() {
            runner.process(0, words[next]);
            next = next + 1 == words.length ? 0 : next + 1;
            return sink.bytes();
        }
    }

    /** One instance on one thread. */
    @Benchmark
    @Threads(1)
    public long oneInstance(Operator op) {
        return op.processNext();
    }

    /** Two instances, each on its own thread. */
    @Benchmark
    @Threads(2)
    public long twoInstances(Operator op) {
        return op.processNext();
    }
}
