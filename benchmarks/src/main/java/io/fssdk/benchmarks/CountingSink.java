package io.fssdk.benchmarks;

import io.fssdk.runtime.OutputSink;

/**
 * An output sink that keeps only a running total of the bytes it was given. Benchmarks return
 * {@link #bytes()} so the JIT cannot prove the output unused, without the cost of storing it.
 */
public final class CountingSink implements OutputSink {
    private long bytes;

    /** A sink that has seen nothing yet. */
    public CountingSink() {
    }

    @Override
    public void emit(int targetId, byte[] data) {
        bytes += data.length;
    }

    /** The total length of everything emitted so far. */
    public long bytes() {
        return bytes;
    }
}
