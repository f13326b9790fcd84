package io.fssdk.examples.flink;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.Module;
import java.util.List;
import java.util.Map;

/**
 * Wraps a driver and notes when its first record arrived and when it closed, so
 * {@link FlinkCounterThroughput} can time the operator's own work inside a Flink job without the job's
 * start-up. The times go to static fields: a local MiniCluster runs in this JVM and class loader.
 */
final class TimedDriver implements Driver {
    static volatile long firstRecordNanos;
    static volatile long closedNanos;

    private final Driver delegate;
    private boolean seen;

    TimedDriver(Driver delegate) {
        this.delegate = delegate;
    }

    static void reset() {
        firstRecordNanos = 0;
        closedNanos = 0;
    }

    @Override
    public void init(Context ctx, Map<String, String> config) throws Exception {
        delegate.init(ctx, config);
    }

    @Override
    public void process(Context ctx, int sourceId, byte[] data) throws Exception {
        if (!seen) {
            seen = true;
            firstRecordNanos = System.nanoTime();
        }
        delegate.process(ctx, sourceId, data);
    }

    @Override
    public void processWatermark(Context ctx, int sourceId, long watermark) throws Exception {
        delegate.processWatermark(ctx, sourceId, watermark);
    }

    @Override
    public void takeCheckpoint(Context ctx, long checkpointId) throws Exception {
        delegate.takeCheckpoint(ctx, checkpointId);
    }

    @Override
    public boolean checkHeartbeat(Context ctx) throws Exception {
        return delegate.checkHeartbeat(ctx);
    }

    @Override
    public void close(Context ctx) throws Exception {
        delegate.close(ctx);
        closedNanos = System.nanoTime();
    }

    @Override
    public void exec(Context ctx, String className, List<Module> modules) throws Exception {
        delegate.exec(ctx, className, modules);
    }

    @Override
    public byte[] custom(Context ctx, byte[] payload) throws Exception {
        return delegate.custom(ctx, payload);
    }
}
