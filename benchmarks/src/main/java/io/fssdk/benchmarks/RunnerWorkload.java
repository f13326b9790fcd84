package io.fssdk.benchmarks;

import io.fssdk.api.Driver;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.OutputSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * A peer workload driven through {@link OperatorRunner} on the in-memory backend, as an embedder runs an
 * operator: a processor component through WasmDriver, or a native Java driver.
 */
final class RunnerWorkload implements PeerWorkload, OutputSink {
    private final Supplier<Driver> drivers;
    private final byte[][] inputs;
    private Backend.Opened backend;
    private OperatorRunner runner;
    private int next;
    private byte[] last = new byte[0];

    RunnerWorkload(Supplier<Driver> drivers, byte[][] inputs) {
        this.drivers = drivers;
        this.inputs = inputs;
        restart();
    }

    @Override
    public void emit(int targetId, byte[] data) {
        // The runner hands over its array (emitOwned); keeping the reference copies nothing.
        last = data;
    }

    @Override
    public void one() {
        runner.process(0, inputs[next]);
        next = next + 1 == inputs.length ? 0 : next + 1;
    }

    @Override
    public byte[] last() {
        return last;
    }

    @Override
    public void restart() {
        close();
        backend = Backend.MEMORY.open();
        runner = Runners.started("peer", drivers.get(), backend.backend(), this);
        next = 0;
        last = new byte[0];
    }

    @Override
    public void close() {
        if (runner != null) {
            runner.close();
            runner = null;
        }
        if (backend != null) {
            try {
                backend.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            backend = null;
        }
    }
}
