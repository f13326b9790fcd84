package io.fssdk.benchmarks;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;

/**
 * The native Java twin of {@code benchmarks/guests/emit-once.c}: {@code process} emits its input once on
 * target 0 and does nothing else. It is the "native Java" column of the emit-once peer workload.
 */
public final class EmitOnceOperator implements Driver {
    /** A driver with no state. */
    public EmitOnceOperator() {
    }

    @Override
    public void process(Context ctx, int sourceId, byte[] data) {
        ctx.emit(0, data);
    }
}
