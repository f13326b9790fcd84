package io.fssdk.benchmarks;

import io.fssdk.api.Store;
import io.fssdk.api.spi.StateBackend;

/**
 * A backend seen through the plain {@link StateBackend} interface only, hiding its
 * {@code TransactionalStateBackend} capability: the runner then writes straight to the store as each write
 * is made, as it did before atomic calls. {@link CounterBenchmark} uses it to measure what atomic calls
 * cost (or save) in the same run.
 */
final class DirectWritesBackend implements StateBackend {
    private final StateBackend delegate;

    DirectWritesBackend(StateBackend delegate) {
        this.delegate = delegate;
    }

    @Override
    public Store openStore(String name) {
        return delegate.openStore(name);
    }

    @Override
    public Store openMigrating(String name, String legacyName) {
        return delegate.openMigrating(name, legacyName);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
