package io.fssdk.runtime;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.Module;
import io.fssdk.api.Store;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A driver for runner tests: records every call as a string, throws whatever a test scripted for a step,
 * and otherwise does something observable: {@code process} stores the record under itself in store "s"
 * and echoes it on target 1, {@code processWatermark} forwards to target 2.
 */
final class ScriptedDriver implements Driver {
    final List<String> calls = new ArrayList<>();
    final Map<String, Exception> failures = new HashMap<>();
    Context lastContext;
    Store store;
    Map<String, String> seenConfig;
    byte[] customResponse;

    ScriptedDriver failOn(String step, Exception e) {
        failures.put(step, e);
        return this;
    }

    private void step(Context ctx, String call, String step) throws Exception {
        lastContext = ctx;
        calls.add(call);
        Exception e = failures.get(step);
        if (e != null) {
            throw e;
        }
    }

    @Override
    public void init(Context ctx, Map<String, String> config) throws Exception {
        seenConfig = config;
        store = ctx.getOrCreateStore("s");
        step(ctx, "init", "init");
    }

    @Override
    public void process(Context ctx, int sourceId, byte[] data) throws Exception {
        String text = new String(data, StandardCharsets.UTF_8);
        // Written before the scripted failure, so tests can see what a failed step leaves behind.
        store.putState(data, data);
        step(ctx, "process " + sourceId + " " + text, text.equals("bad") ? "process-bad" : "process");
        ctx.emit(1, data);
    }

    @Override
    public void processWatermark(Context ctx, int sourceId, long watermark) throws Exception {
        step(ctx, "processWatermark " + sourceId + " " + watermark, "processWatermark");
        ctx.emitWatermark(2, watermark);
    }

    @Override
    public void takeCheckpoint(Context ctx, long checkpointId) throws Exception {
        step(ctx, "takeCheckpoint " + checkpointId, "takeCheckpoint");
    }

    @Override
    public boolean checkHeartbeat(Context ctx) throws Exception {
        step(ctx, "checkHeartbeat", "checkHeartbeat");
        return true;
    }

    @Override
    public void close(Context ctx) throws Exception {
        step(ctx, "close", "close");
    }

    @Override
    public void exec(Context ctx, String className, List<Module> modules) throws Exception {
        step(ctx, "exec " + className + " " + modules.size(), "exec");
    }

    @Override
    public byte[] custom(Context ctx, byte[] payload) throws Exception {
        step(ctx, "custom", "custom");
        return customResponse != null ? customResponse : Driver.super.custom(ctx, payload);
    }
}
