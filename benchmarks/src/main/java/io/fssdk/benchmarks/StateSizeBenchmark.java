package io.fssdk.benchmarks;

import io.fssdk.api.Driver;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.store.rocksdb.RocksDBStateBackend;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question 6: does throughput hold up as state grows? The counter on RocksDB holding 10 thousand or 10
 * million keys ({@link PrefilledState}), each record a word drawn uniformly from all of them, so that at
 * 10 million most reads miss RocksDB's block cache.
 *
 * <p>The counter emits its whole per-instance map with every record, so one instance fed millions of
 * distinct words would measure ever longer JSON rather than the store. Each invocation therefore runs a
 * fresh counter instance over {@value #BATCH} records and closes it: the map stays as small as in the
 * 100-word benchmark, and the per-batch instance cost is the same at both sizes, so the ratio of the two
 * sizes isolates the store.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 2)  // a new instance per batch makes the component warm up slowly (~15 s)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StateSizeBenchmark {
    /** Records per counter instance. */
    public static final int BATCH = 100;
    // Pre-encoded random draws, so that making a key costs nothing in the measured loop.
    private static final int DRAWS = 1 << 16;

    @Param({"10000", "10000000"})
    int keys;

    @Param({"NATIVE", "WASM_COMPILER"})
    Engine engine;

    private RocksDBStateBackend backend;
    private Supplier<Driver> drivers;
    private CountingSink sink;
    private byte[][] draws;
    private int next;

    /** Opens the prefilled database (filling it on first use) and draws the words. */
    @Setup(Level.Trial)
    public void setUp() {
        backend = RocksDBStateBackend.open(PrefilledState.database(keys));
        drivers = engine.counter();
        sink = new CountingSink();
        SplittableRandom random = new SplittableRandom(42);
        draws = new byte[DRAWS][];
        for (int i = 0; i < DRAWS; i++) {
            draws[i] = PrefilledState.word(random.nextInt(keys));
        }
    }

    /** Closes the database; its files stay for the next run. */
    @TearDown(Level.Trial)
    public void tearDown() {
        backend.close();
    }

    /** A fresh counter instance counts {@value #BATCH} random words. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long batch() {
        try (OperatorRunner runner = Runners.started(PrefilledState.OPERATOR, drivers.get(), backend, sink)) {
            for (int i = 0; i < BATCH; i++) {
                runner.process(0, draws[next]);
                next = (next + 1) & (DRAWS - 1);
            }
        }
        return sink.bytes();
    }
}
