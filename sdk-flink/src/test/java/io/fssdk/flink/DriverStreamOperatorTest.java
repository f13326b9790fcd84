package io.fssdk.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.examples.CounterOperator;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The Flink operator in Flink's keyed operator test harness: snapshot, restore into a new harness and
 * continue, compared with the standalone runner doing the same; and every lifecycle mapping (config, current
 * key, source ids, timestamps, side outputs, watermarks both ways, checkpoint ids, close).
 */
class DriverStreamOperatorTest {
    private static final int WORDS = 600;

    @Test
    void nativeCounterContinuesAfterRestoreLikeTheStandaloneRunner() throws Exception {
        checkContinuation(CounterOperator::new);
    }

    @Test
    void wasmCounterContinuesAfterRestoreLikeTheStandaloneRunner() throws Exception {
        checkContinuation(DriverFactory.wasm(Words.COUNTER_WASM));
    }

    /**
     * Half the words, a checkpoint, a restore into a new operator instance (new driver, state from the
     * snapshot), the other half. The standalone runner does the same on the in-memory backend: checkpoint,
     * restore, a new runner. The counter's output depends on its stored counts and on its in-memory map
     * (which a new instance starts empty in both), so equal outputs mean the state continued exactly.
     */
    private static void checkContinuation(DriverFactory factory) throws Exception {
        List<String> words = Words.seeded(14, WORDS, 25);
        List<String> first = words.subList(0, WORDS / 2);
        List<String> second = words.subList(WORDS / 2, WORDS);
        FlinkOperator operator = FlinkOperator.builder().operatorName("counter").driver(factory)
                .config("key_prefix", "p-").build();

        List<String> flink = new ArrayList<>();
        KeyedOneInputStreamOperatorTestHarness<String, byte[], byte[]> before = keyed(operator);
        before.open();
        feed(before, first);
        before.prepareSnapshotPreBarrier(7);
        OperatorSubtaskState snapshot = before.snapshot(7, 1_000);
        flink.addAll(strings(before.extractOutputValues()));
        before.close();

        KeyedOneInputStreamOperatorTestHarness<String, byte[], byte[]> after = keyed(operator);
        after.initializeState(snapshot);
        after.open();
        feed(after, second);
        flink.addAll(strings(after.extractOutputValues()));
        after.close();

        List<String> standalone = new ArrayList<>();
        try (InMemoryStateBackend backend = new InMemoryStateBackend()) {
            try (OperatorRunner runner = runner(factory, backend, standalone)) {
                runner.init();
                first.forEach(w -> runner.process(0, w.getBytes(StandardCharsets.UTF_8)));
                // The backend's checkpoint alone, not the driver's: the counter saves its per-instance totals
                // in takeCheckpoint only where a store is in scope, which on Flink (keyed state, no key at a
                // checkpoint) it is not. So on both sides the stored counts continue and the totals restart.
                backend.checkpoint(7);
            }
            backend.restore(7);
            try (OperatorRunner runner = runner(factory, backend, standalone)) {
                runner.init();
                second.forEach(w -> runner.process(0, w.getBytes(StandardCharsets.UTF_8)));
            }
        }
        assertEquals(WORDS, standalone.size());
        assertEquals(standalone, flink);
        String top = words.get(WORDS - 1);
        long expected = words.stream().filter(top::equals).count();
        assertTrue(flink.get(WORDS - 1).contains("\"" + top + "\":" + expected), flink.get(WORDS - 1));
    }

    @Test
    void everyLifecycleStepIsMapped() throws Exception {
        FlinkOperator operator = FlinkOperator.builder().operatorName("probe").driver(ProbeDriver::new)
                .config("a", "b").sourceId(record -> 3).watermarkSourceId(5).build();
        KeyedOneInputStreamOperatorTestHarness<String, byte[], byte[]> h = keyed(operator);
        h.open();
        h.processElement(new StreamRecord<>(bytes("x"), 100));
        h.processElement(new StreamRecord<>(bytes("x"), 101));
        h.processElement(new StreamRecord<>(bytes("y")));
        h.processElement(new StreamRecord<>(bytes("side:2:hello"), 102));
        h.processWatermark(new Watermark(10));
        h.processWatermark(new Watermark(10));
        h.processElement(new StreamRecord<>(bytes("wm:4")));
        h.processElement(new StreamRecord<>(bytes("wm:20")));
        h.prepareSnapshotPreBarrier(42);
        h.snapshot(42, 2_000);
        h.processElement(new StreamRecord<>(bytes("x"), 103));
        List<String> main = render(h.getOutput());
        List<String> side = render(new ArrayList<>(h.getSideOutput(FlinkOperator.sideOutput(2))));
        h.close();

        assertEquals(List.of(
                "init {a=b} refused=STORE_INTERNAL",
                "key=x source=3 x n=1 @100",
                "key=x source=3 x n=2 @101",
                "key=y source=3 y n=1",
                "watermark 5 10 refused=STORE_INTERNAL", "WM 10",
                "watermark 5 10 refused=STORE_INTERNAL",
                "WM 20",
                "checkpoint 42 refused=STORE_INTERNAL",
                "key=x source=3 x n=3 @103"), main);
        assertEquals(List.of("hello @102"), side);
        assertTrue(render(h.getOutput()).contains("close"), "close reaches the driver and its output");
    }

    @Test
    void aDriverFailureFailsTheRecordWithTheOperatorsName() throws Exception {
        Driver failing = new Driver() {
            @Override
            public void process(io.fssdk.api.Context ctx, int sourceId, byte[] data) {
                throw new IllegalArgumentException("bad record");
            }
        };
        FlinkOperator operator = FlinkOperator.builder().operatorName("fails").driver(() -> failing).build();
        KeyedOneInputStreamOperatorTestHarness<String, byte[], byte[]> h = keyed(operator);
        h.open();
        SdkException e = assertThrows(SdkException.class, () -> h.processElement(new StreamRecord<>(bytes("x"))));
        assertEquals(ErrorCode.OPERATOR_FAILED, e.code());
        assertTrue(e.getMessage().contains("fails"), e.getMessage());
        h.close();
    }

    @Test
    void aNonKeyedStreamIsRefusedAtOpen() throws Exception {
        FlinkOperator operator = FlinkOperator.builder().operatorName("unkeyed").driver(ProbeDriver::new).build();
        OneInputStreamOperatorTestHarness<byte[], byte[]> h = new OneInputStreamOperatorTestHarness<>(
                operator.newStreamOperator());
        SdkException e = assertThrows(SdkException.class, h::open);
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
        h.close();
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static KeyedOneInputStreamOperatorTestHarness<String, byte[], byte[]> keyed(FlinkOperator operator)
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(operator.newStreamOperator(),
                record -> new String(record, StandardCharsets.UTF_8), Types.STRING);
    }

    private static void feed(KeyedOneInputStreamOperatorTestHarness<String, byte[], byte[]> h, List<String> words)
            throws Exception {
        for (String w : words) {
            h.processElement(new StreamRecord<>(w.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static OperatorRunner runner(DriverFactory factory, InMemoryStateBackend backend, List<String> out)
            throws Exception {
        return OperatorRunner.builder().operatorName("counter").driver(factory.create()).stateBackend(backend)
                .config("key_prefix", "p-")
                .outputSink((target, bytes) -> out.add(new String(bytes, StandardCharsets.UTF_8))).build();
    }

    private static List<String> strings(List<byte[]> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    /** Records as {@code value} or {@code value @timestamp}, watermarks as {@code WM t}. */
    private static List<String> render(Iterable<?> output) {
        List<String> out = new ArrayList<>();
        for (Object o : output) {
            if (o instanceof StreamRecord<?> r) {
                String v = new String((byte[]) r.getValue(), StandardCharsets.UTF_8);
                out.add(r.hasTimestamp() ? v + " @" + r.getTimestamp() : v);
            } else if (o instanceof Watermark w) {
                out.add("WM " + w.getTimestamp());
            }
        }
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
