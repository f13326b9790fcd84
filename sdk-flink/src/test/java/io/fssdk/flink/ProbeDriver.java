package io.fssdk.flink;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A native driver that reports, as records on the main output, what the Flink operator made it see: its
 * configuration, each record's current key and source id, watermarks, checkpoint ids, and whether its
 * store was reachable. Commands in the record exercise the outputs: {@code side:N:text} emits text to
 * target N, {@code wm:N} emits watermark N; any other record is counted under byte key {@code n} of store {@code probe}.
 */
final class ProbeDriver implements Driver {
    private Store store;

    @Override
    public void init(Context ctx, Map<String, String> config) {
        store = ctx.getOrCreateStore("probe");
        ctx.emit(0, bytes("init " + new TreeMap<>(config) + " " + tryRead()));
    }

    @Override
    public void process(Context ctx, int sourceId, byte[] data) {
        String record = new String(data, StandardCharsets.UTF_8);
        String key = ctx.currentKey().map(k -> new String(k, StandardCharsets.UTF_8)).orElse("<none>");
        if (record.startsWith("side:")) {
            String[] parts = record.split(":", 3);
            ctx.emit(Integer.parseInt(parts[1]), bytes(parts[2]));
        } else if (record.startsWith("wm:")) {
            ctx.emitWatermark(0, Long.parseLong(record.substring(3)));
        } else {
            // One counter per store: each Flink key has its own store contents, so each key counts alone.
            long n = store.getState(bytes("n")).map(v -> Long.parseLong(new String(v, StandardCharsets.UTF_8)))
                    .orElse(0L) + 1;
            store.putState(bytes("n"), bytes(Long.toString(n)));
            ctx.emit(0, bytes("key=" + key + " source=" + sourceId + " " + record + " n=" + n));
        }
    }

    @Override
    public void processWatermark(Context ctx, int sourceId, long watermark) {
        ctx.emit(0, bytes("watermark " + sourceId + " " + watermark + " " + tryRead()));
        ctx.emitWatermark(0, watermark);
    }

    @Override
    public void takeCheckpoint(Context ctx, long checkpointId) {
        ctx.emit(0, bytes("checkpoint " + checkpointId + " " + tryRead()));
    }

    @Override
    public void close(Context ctx) {
        ctx.emit(0, bytes("close"));
    }

    /** What a store read outside a record does: refused with a code, or a value. */
    private String tryRead() {
        try {
            Optional<byte[]> v = store.getState(bytes("x"));
            return "read=" + v.isPresent();
        } catch (SdkException e) {
            return "refused=" + e.code();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
