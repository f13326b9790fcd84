package io.fssdk.benchmarks;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.Store;
import io.fssdk.api.state.Codecs;
import io.fssdk.api.state.States;
import io.fssdk.api.state.ValueState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
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
 * Issue 15's question: what does typed state cost over the raw {@link Store} calls it makes? Each operation
 * is a read-modify-write of one counter: {@code ValueState<Long>} {@code value()} then {@code update()}
 * ({@link #typed}), against the same two calls on the store by hand ({@link #rawComplex}: {@code get} and
 * {@code put} of a prebuilt {@link ComplexKey}, with the long encoded by hand, which is what typed state does
 * underneath), and, for reference, the byte-key calls ({@link #rawByteKey}: {@code getState}/{@code putState}).
 * The target: {@code typed} within 10% of {@code rawComplex} on RocksDB.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TypedStateBenchmark {
    @Param({"MEMORY", "ROCKSDB"})
    Backend backend;

    private Backend.Opened opened;
    private Store store;
    private ValueState<Long> typed;
    private ComplexKey rawKey;
    private byte[] byteKey;

    /** Opens a fresh backend and a store; the three counters start absent. */
    @Setup(Level.Trial)
    public void setUp() {
        opened = backend.open();
        store = opened.backend().openStore("typed-bench");
        typed = States.of(store).forKey(utf8("user-42")).value("typed-count", Codecs.longs());
        rawKey = new ComplexKey(utf8("raw-count"), utf8("user-42"), new byte[0], new byte[0]);
        byteKey = utf8("byte-count/user-42");
    }

    /** Closes the store and the backend, deleting its files. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        opened.close();
    }

    /** Typed: {@code value()} and {@code update()} of a {@code ValueState<Long>}. */
    @Benchmark
    public long typed() {
        long next = typed.value().orElse(0L) + 1;
        typed.update(next);
        return next;
    }

    /** Raw: {@code get} and {@code put} of the same kind of complex key, the long encoded by hand. */
    @Benchmark
    public long rawComplex() {
        Optional<byte[]> stored = store.get(rawKey);
        long next = (stored.isPresent() ? decode(stored.get()) : 0L) + 1;
        store.put(rawKey, encode(next));
        return next;
    }

    /** Raw, byte keys: {@code getState} and {@code putState}. */
    @Benchmark
    public long rawByteKey() {
        Optional<byte[]> stored = store.getState(byteKey);
        long next = (stored.isPresent() ? decode(stored.get()) : 0L) + 1;
        store.putState(byteKey, encode(next));
        return next;
    }

    private static long decode(byte[] b) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }

    private static byte[] encode(long v) {
        byte[] out = new byte[8];
        for (int i = 7; i >= 0; i--) {
            out[i] = (byte) v;
            v >>>= 8;
        }
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
