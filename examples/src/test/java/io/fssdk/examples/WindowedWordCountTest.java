package io.fssdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.TimeDomain;
import io.fssdk.api.state.Codecs;
import io.fssdk.runtime.EmittedWatermark;
import io.fssdk.runtime.OperatorTestKit;
import io.fssdk.store.rocksdb.RocksDBStateBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The windowed word count: exact windows for a hand-made case, for a seeded out-of-order stream with
 * watermarks (against a direct computation), and the same across a checkpoint and restore on RocksDB.
 */
class WindowedWordCountTest {
    @Test
    void emitsEachWindowWhenTheWatermarkPassesIt() {
        try (OperatorTestKit kit = OperatorTestKit.of(new WindowedWordCount(), Map.of("window_ms", "10"))) {
            kit.process("3 b");
            kit.process("12 a");
            kit.process("1 a");     // out of order, same window as "3 b"
            kit.process("9 b");
            kit.process("10 c");
            kit.advanceWatermark(8);
            assertEquals(List.of(), kit.drainOutputStrings(), "window [0,10) ends at 9");
            assertEquals(Map.of("a", 1L, "b", 2L), kit.mapState(WindowedWordCount.STORE_NAME, new byte[0],
                    Codecs.longs().encode(0L), "counts", Codecs.strings(), Codecs.longs()));
            kit.advanceWatermark(9);
            assertEquals(List.of("{\"window_start\":0,\"window_end\":10,\"counts\":{\"a\":1,\"b\":2}}"),
                    kit.drainOutputStrings());
            assertEquals(List.of(new EmittedWatermark(0, 8), new EmittedWatermark(0, 9)), kit.drainWatermarks());
            assertEquals(Map.of(), kit.mapState(WindowedWordCount.STORE_NAME, new byte[0], Codecs.longs().encode(0L),
                    "counts", Codecs.strings(), Codecs.longs()), "a closed window's state is cleared");

            kit.process("5 late");
            kit.process("not a number");
            kit.process("15");
            kit.process("-7 negative");
            assertEquals(List.of("late 5 late", "malformed not a number", "malformed 15", "late -7 negative"),
                    kit.drainOutputs().stream().filter(e -> e.targetId() == 1).map(e -> e.dataAsString()).toList());
            kit.advanceWatermark(Long.MAX_VALUE);
            assertEquals(List.of("{\"window_start\":10,\"window_end\":20,\"counts\":{\"a\":1,\"c\":1}}"),
                    kit.drainOutputStrings());
            assertEquals(List.of(), kit.pendingTimers(TimeDomain.EVENT_TIME));
        }
    }

    @Test
    void seededOutOfOrderInputGivesExactlyTheExpectedWindows() {
        try (OperatorTestKit kit = OperatorTestKit.of(new WindowedWordCount(), Map.of("window_ms", "1000"))) {
            assertEquals(expectedFor(feedSeeded(kit, 42)), kit.drainOutputStrings());
        }
    }

    @Test
    void theSameOnRocksDBAcrossACheckpointAndRestore(@TempDir Path dir) {
        List<String> uninterrupted;
        try (OperatorTestKit kit = OperatorTestKit.of(new WindowedWordCount(), Map.of("window_ms", "1000"))) {
            feedSeeded(kit, 7);
            uninterrupted = kit.drainOutputStrings();
        }
        List<String> outputs = new ArrayList<>();
        List<String> lines = seeded(7);
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir.resolve("db"))) {
            int half = lines.size() / 2;
            try (OperatorTestKit kit = rocksKit(backend)) {
                feed(kit, lines.subList(0, half), 0);
                kit.takeCheckpoint(1);
                outputs.addAll(kit.drainOutputStrings());
                feed(kit, lines.subList(half, half + 100), half); // lost: not in the checkpoint
            }
            backend.restore(1);
            try (OperatorTestKit kit = rocksKit(backend)) {
                // Replay from the checkpoint's position, as an embedder does; the watermark restarts too.
                feed(kit, lines.subList(half, lines.size()), half);
                kit.advanceWatermark(Long.MAX_VALUE);
                outputs.addAll(kit.drainOutputStrings());
            }
        }
        assertEquals(uninterrupted, outputs);
    }

    @Test
    void aBadWindowSizeIsAConfigurationError() {
        SdkException e = assertThrows(SdkException.class,
                () -> OperatorTestKit.of(new WindowedWordCount(), Map.of("window_ms", "0")));
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
    }

    private static OperatorTestKit rocksKit(RocksDBStateBackend backend) {
        return OperatorTestKit.builder(new WindowedWordCount()).stateBackend(backend).config("window_ms", "1000").build();
    }

    /** 3,000 events, timestamps up to 200 ms out of order, a watermark (max seen - 200) every 50 events. */
    private static List<String> seeded(long seed) {
        Random random = new Random(seed);
        List<String> words = List.of("apple", "banana", "cherry", "date", "elder", "fig", "\u00e9clair", "z\u00fcrich");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            long timestamp = i * 7L + random.nextInt(200);
            lines.add(timestamp + " " + words.get(random.nextInt(words.size())));
        }
        return lines;
    }

    private static List<String> feedSeeded(OperatorTestKit kit, long seed) {
        List<String> lines = seeded(seed);
        feed(kit, lines, 0);
        kit.advanceWatermark(Long.MAX_VALUE);
        return lines;
    }

    private static void feed(OperatorTestKit kit, List<String> lines, int offset) {
        long maxSeen = Long.MIN_VALUE;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            kit.process(line);
            maxSeen = Math.max(maxSeen, Long.parseLong(line.substring(0, line.indexOf(' '))));
            if ((offset + i + 1) % 50 == 0) {
                kit.advanceWatermark(maxSeen - 200);
            }
        }
    }

    /**
     * The windows of {@code lines}, computed directly: group by window, count per word, in window order and
     * code point order of words (the disorder is bounded by the watermark lag, so nothing is late).
     */
    private static List<String> expectedFor(List<String> lines) {
        TreeMap<Long, TreeMap<String, Long>> windows = new TreeMap<>();
        for (String line : lines) {
            long ts = Long.parseLong(line.substring(0, line.indexOf(' ')));
            String word = line.substring(line.indexOf(' ') + 1);
            windows.computeIfAbsent(Math.floorDiv(ts, 1000L) * 1000, w -> new TreeMap<>(
                    (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray())))
                    .merge(word, 1L, Long::sum);
        }
        List<String> out = new ArrayList<>();
        windows.forEach((start, counts) -> {
            StringBuilder sb = new StringBuilder("{\"window_start\":" + start + ",\"window_end\":" + (start + 1000)
                    + ",\"counts\":{");
            String sep = "";
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                sb.append(sep).append('"').append(e.getKey()).append("\":").append(e.getValue());
                sep = ",";
            }
            out.add(sb.append("}}").toString());
        });
        return out;
    }
}
