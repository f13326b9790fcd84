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
 *
 * <p>On a shared 2-core machine any other busy process takes a core away from the two-thread run, so the
 * same class measures a control: a pure-CPU loop with no memory traffic, on one and on two threads. Its
 * speed-up is what the machine offered at that time; the operator's speed-up divided by it is the part
 * that is ours.
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

    /** Per-thread state of the control: an xorshift generator. */
    @State(Scope.Thread)
    public static class Spin {
        private long x = 0x9E3779B97F4A7C15L;

        /** 1,000 xorshift steps: a dependent chain the JIT can neither vectorise nor fold. */
        long run() {
            long v = x;
            for (int i = 0; i < 1000; i++) {
                v ^= v << 13;
                v ^= v >>> 7;
                v ^= v << 17;
            }
            x = v;
            return v;
        }
    }

    /** The control on one thread. */
    @Benchmark
    @Threads(1)
    public long controlOneThread(Spin spin) {
        return spin.run();
    }

    /** The control on two threads. */
    @Benchmark
    @Threads(2)
    public long controlTwoThreads(Spin spin) {
        return spin.run();
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
