package io.fssdk.runtime.processor;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.guest.HostCalls;

/**
 * The {@code collector} interface: {@code emit} and {@code emit-watermark} forward to the current
 * {@link io.fssdk.api.Context}. Both are on the raw path: {@code emit} copies the record out of guest
 * memory once, into an array handed over to {@link io.fssdk.api.Context#emitOwned}, so the runner does
 * not copy it again. A failing context (e.g. a closed runner, or an output sink that throws) traps the
 * guest: the WIT gives emit no error result, and a record must not be dropped silently.
 */
final class CollectorHost {
    private CollectorHost() {
    }

    /** Defines both functions; flattened, emit is {@code (u32, ptr, len)} and emit-watermark {@code (u32, u64)}. */
    static void define(Linker.Builder b, HostCalls calls) {
        b.rawFunction(KvTypes.COLLECTOR, "emit", KvTypes.EMIT, f -> {
            // The one copy out of guest memory; the array is handed over, so the runner need not copy it again.
            calls.context().emitOwned(f.i32(0), f.readBytes(f.i32(1), f.i32(2)));
            return 0;
        });
        b.rawFunction(KvTypes.COLLECTOR, "emit-watermark", KvTypes.EMIT_WATERMARK, f -> {
            calls.context().emitWatermark(f.i32(0), f.i64(1));
            return 0;
        });
    }
}
