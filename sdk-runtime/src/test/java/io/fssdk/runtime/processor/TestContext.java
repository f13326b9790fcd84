package io.fssdk.runtime.processor;

import io.fssdk.api.Context;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.spi.StateBackend;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A {@link Context} for calling a {@link WasmDriver} directly, without a runner, so tests can see what
 * the guest does: every emit, every watermark, and every store it opens. Stores come from an in-memory
 * backend (or a given one) through an optional wrapper, cached by trimmed name as the runner does.
 */
final class TestContext implements Context {
    final List<String> emitted = new ArrayList<>();
    final List<Long> watermarks = new ArrayList<>();
    /** Every name the guest passed to the store constructor, in order. */
    final List<String> opened = new ArrayList<>();
    final Map<String, TrackingStore> stores = new LinkedHashMap<>();
    private final StateBackend backend;
    private final UnaryOperator<TrackingStore> wrap;
    RuntimeException emitFailure;

    TestContext() {
        this(new InMemoryStateBackend(), s -> s);
    }

    TestContext(StateBackend backend, UnaryOperator<TrackingStore> wrap) {
        this.backend = backend;
        this.wrap = wrap;
    }

    @Override
    public void emit(int targetId, byte[] data) {
        if (emitFailure != null) {
            throw emitFailure;
        }
        emitted.add(new String(data, StandardCharsets.UTF_8));
    }

    @Override
    public void emitWatermark(int targetId, long watermark) {
        watermarks.add(watermark);
    }

    @Override
    public Store getOrCreateStore(String name) {
        opened.add(name);
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw new SdkException(ErrorCode.STORE_INVALID_NAME, "store name is empty or blank");
        }
        return stores.computeIfAbsent(trimmed, n -> wrap.apply(new TrackingStore(backend.openStore(n))));
    }

    @Override
    public Map<String, String> config() {
        return Map.of();
    }

    /** The emits so far, cleared. */
    List<String> drain() {
        List<String> out = List.copyOf(emitted);
        emitted.clear();
        return out;
    }
}
