package io.fssdk.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fssdk.api.ComplexKey;
import io.fssdk.api.Context;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Timer;
import io.fssdk.api.TimerDriver;
import io.fssdk.api.state.Codec;
import io.fssdk.api.state.Codecs;
import io.fssdk.api.state.MapState;
import io.fssdk.api.state.States;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A windowed word count on typed state and timers: tumbling event-time windows of {@code window_ms}
 * milliseconds (default 10,000), one {@link MapState} of counts per window and one event-time timer per
 * window.
 *
 * <ul>
 *   <li><b>Input</b> (target 0 in, UTF-8): {@code "<timestamp-ms> <word>"}, in any order.</li>
 *   <li><b>Counting:</b> the record's window is {@code [start, start + window_ms)} with
 *       {@code start = floorDiv(timestamp, window_ms) * window_ms}; its count map (namespace = the window start)
 *       gains one for the word, and a timer is registered at the window's last millisecond (registering it
 *       again for the next word of the window is a no-op).</li>
 *   <li><b>Output:</b> when a watermark passes the window's last millisecond the timer fires and the window is
 *       emitted on target 0 as {@code {"window_start":0,"window_end":10000,"counts":{"a":2,"b":1}}}, words in
 *       code point order (the map's key order), and its state is cleared. Watermarks are forwarded on target 0
 *       after the windows they close.</li>
 *   <li><b>Nothing lost:</b> a record whose window the watermark already closed (late), or that does not parse,
 *       goes to target 1 unchanged, prefixed with {@code "late "} or {@code "malformed "}.</li>
 * </ul>
 *
 * <p>All of it is state: counts are in store {@value #STORE_NAME} and timers in the operator's timer store, so a
 * restored checkpoint continues exactly.
 */
public final class WindowedWordCount implements TimerDriver {
    /** The store the per-window counts live in. */
    public static final String STORE_NAME = "windowed-word-count";
    /** The configuration key of the window size in milliseconds. */
    public static final String WINDOW_MS = "window_ms";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Codec<Long> WINDOW_CODEC = Codecs.longs();
    private static final byte[] EMPTY = new byte[0];

    private long windowMs = 10_000;
    private States states;

    @Override
    public void init(Context ctx, Map<String, String> config) {
        String size = config.getOrDefault(WINDOW_MS, "10000").strip();
        try {
            windowMs = Long.parseLong(size);
        } catch (NumberFormatException e) {
            windowMs = 0;
        }
        if (windowMs <= 0) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, WINDOW_MS + " must be a positive number of milliseconds, got `"
                    + size + "`");
        }
        states = States.of(ctx, STORE_NAME);
    }

    @Override
    public void process(Context ctx, int sourceId, byte[] data) {
        String line = new String(data, StandardCharsets.UTF_8).strip();
        int space = line.indexOf(' ');
        long timestamp;
        String word;
        try {
            timestamp = Long.parseLong(line.substring(0, space < 0 ? line.length() : space));
            word = space < 0 ? "" : line.substring(space + 1).strip();
        } catch (NumberFormatException e) {
            word = "";
            timestamp = 0;
        }
        // The window's end must be a long: timestamps within a window of Long.MAX_VALUE are malformed here.
        if (word.isEmpty() || timestamp > Long.MAX_VALUE - windowMs) {
            ctx.emit(1, prefixed("malformed ", data));
            return;
        }
        long start = Math.floorDiv(timestamp, windowMs) * windowMs;
        long lastMillisecond = start + windowMs - 1;
        if (lastMillisecond <= ctx.timers().currentWatermark()) {
            ctx.emit(1, prefixed("late ", data));
            return;
        }
        byte[] window = WINDOW_CODEC.encode(start);
        MapState<String, Long> counts = counts(window);
        counts.put(word, counts.get(word).orElse(0L) + 1);
        ctx.timers().registerEventTimeTimer(new ComplexKey(EMPTY, EMPTY, window, EMPTY), lastMillisecond);
    }

    @Override
    public void onTimer(Context ctx, Timer timer) throws JsonProcessingException {
        byte[] window = timer.key().namespace();
        long start = WINDOW_CODEC.decode(window);
        MapState<String, Long> counts = counts(window);
        Map<String, Long> ordered = new LinkedHashMap<>();
        try (Stream<Map.Entry<String, Long>> entries = counts.entries()) {
            entries.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("window_start", start);
        out.put("window_end", start + windowMs);
        out.put("counts", ordered);
        ctx.emitOwned(0, JSON.writeValueAsBytes(out));
        counts.clear();
    }

    @Override
    public void processWatermark(Context ctx, int sourceId, long watermark) {
        ctx.emitWatermark(0, watermark);
    }

    private MapState<String, Long> counts(byte[] window) {
        return states.namespace(window).map("counts", Codecs.strings(), Codecs.longs());
    }

    private static byte[] prefixed(String prefix, byte[] data) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[p.length + data.length];
        System.arraycopy(p, 0, out, 0, p.length);
        System.arraycopy(data, 0, out, p.length, data.length);
        return out;
    }
}
