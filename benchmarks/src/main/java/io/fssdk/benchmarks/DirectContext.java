package io.fssdk.benchmarks;

import io.fssdk.api.Context;
import io.fssdk.api.Store;
import io.fssdk.api.spi.StateBackend;
import java.util.HashMap;
import java.util.Map;

/**
 * The least a {@link Context} can be: emits add to a byte count, stores come straight from a backend.
 * The canonical-ABI benchmark drives WasmDriver with it, so that the runner's own bookkeeping (closed
 * checks, copies, the store wrapper) is not counted as ABI cost; the runner variant of the same
 * benchmark shows what that bookkeeping adds.
 */
public final class DirectContext implements Context {
    private final StateBackend backend;
    private final Map<String, Store> stores = new HashMap<>();
    private long emittedBytes;

    /** A context whose stores live in {@code backend}. */
    public DirectContext(StateBackend backend) {
        this.backend = backend;
    }

    @Override
    public void emit(int targetId, byte[] data) {
        emittedBytes += data.length;
    }

    @Override
    public void emitWatermark(int targetId, long watermark) {
        // No benchmark emits watermarks through this context.
    }

    @Override
    public Store getOrCreateStore(String name) {
        return stores.computeIfAbsent(name.trim(), backend::openStore);
    }

    @Override
    public Map<String, String> config() {
        return Map.of();
    }

    /** The total length of everything emitted so far. */
    public long emittedBytes() {
        return emittedBytes;
    }
}
