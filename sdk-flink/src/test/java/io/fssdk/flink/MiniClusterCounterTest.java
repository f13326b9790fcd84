package io.fssdk.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fssdk.api.Store;
import io.fssdk.api.spi.StoreNames;
import io.fssdk.examples.CounterOperator;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The counter on a real Flink MiniCluster at parallelism 2: 10,000 seeded words, checkpoints every 100 ms.
 * The WASM run has a failure injected mid-stream (once, after a checkpoint completed); with the restart
 * strategy its final per-word counts equal the uninterrupted standalone run's exactly, and so does the
 * native counter's. Results are read with {@code executeAndCollect}, which with checkpointing delivers
 * each record exactly once, so the number of output lines is exact too.
 */
class MiniClusterCounterTest {
    private static final int WORDS = 10_000;
    private static final int VOCABULARY = 60;
    /** Drivers built so far: one per subtask start, so more than the parallelism after a restart. */
    private static final AtomicInteger DRIVERS = new AtomicInteger();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void wasmCounterRecoversFromAnInjectedFailureWithExactCounts() throws Exception {
        FailOnceMap.reset();
        DRIVERS.set(0);
        DriverFactory wasm = DriverFactory.wasm(Words.COUNTER_WASM);
        List<String> words = Words.seeded(2026, WORDS, VOCABULARY);
        List<String> lines = run(words, () -> {
            DRIVERS.incrementAndGet();
            return wasm.create();
        }, WORDS / 4, 2_000);
        assertTrue(FailOnceMap.FAILED.get(), "the failure was injected");
        assertTrue(DRIVERS.get() > 2, "the job restarted: " + DRIVERS.get() + " drivers built");
        assertEquals(WORDS, lines.size(), "exactly one output line per word");
        assertEquals(standaloneCounts(words), finalCounts(lines));
    }

    @Test
    void nativeCounterCountsExactly() throws Exception {
        FailOnceMap.reset();
        List<String> words = Words.seeded(7, WORDS, VOCABULARY);
        List<String> lines = run(words, CounterOperator::new, Integer.MAX_VALUE, 1_000_000);
        assertEquals(WORDS, lines.size());
        assertEquals(standaloneCounts(words), finalCounts(lines));
    }

    /** Runs the counter job on the MiniCluster and returns its output lines. */
    private static List<String> run(List<String> words, DriverFactory driver, int failAfter, double wordsPerSecond)
            throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(100);
        // Unaligned: a barrier overtakes the words queued before the slower counter, so checkpoints complete
        // while words still flow instead of only after the backlog (the first WASM open compiles for seconds).
        env.getCheckpointConfig().enableUnalignedCheckpoints();
        ArrayList<String> input = new ArrayList<>(words);
        // Rate-limited in the failure run so that checkpoints complete while words still flow (5 s of input).
        DataGeneratorSource<String> source = new DataGeneratorSource<>(i -> input.get((int) (long) i), input.size(),
                RateLimiterStrategy.perSecond(wordsPerSecond), Types.STRING);
        DataStream<byte[]> bytes = env.fromSource(source, WatermarkStrategy.noWatermarks(), "words")
                .map(w -> w.getBytes(StandardCharsets.UTF_8)).returns(FlinkOperator.BYTES);
        DataStream<byte[]> counts = FlinkOperator.builder().operatorName("counter").driver(driver)
                .config("key_prefix", "p-").build()
                .applyTo(bytes.keyBy(b -> new String(b, StandardCharsets.UTF_8)))
                // After the counter, so it sees records at the counter's pace: a map chained to the source
                // would see every word while the first checkpoint's barrier still waits behind them.
                .map(new FailOnceMap(failAfter)).returns(FlinkOperator.BYTES);
        List<String> lines = new ArrayList<>();
        CloseableIterator<byte[]> it = counts.executeAndCollect("counter on flink");
        try {
            it.forEachRemaining(b -> lines.add(new String(b, StandardCharsets.UTF_8)));
        } finally {
            it.close();
        }
        return lines;
    }

    /**
     * Each word's final count: the largest count any output line shows for it. A line's count for the
     * word it processed comes from keyed state; its counts for other words are the same instance's earlier
     * reads, never larger. A lost update would make a maximum smaller, a replayed one larger.
     */
    private static Map<String, Long> finalCounts(List<String> lines) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        for (String line : lines) {
            JsonNode map = JSON.readTree(line).get("counter_map");
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                out.merge(e.getKey(), e.getValue().asLong(), Math::max);
            }
        }
        return out;
    }

    /** The counts an uninterrupted standalone run of the native counter stores, by word. */
    private static Map<String, Long> standaloneCounts(List<String> words) {
        Map<String, Long> out = new TreeMap<>();
        try (InMemoryStateBackend backend = new InMemoryStateBackend();
                OperatorRunner runner = OperatorRunner.builder().operatorName("counter").driver(new CounterOperator())
                        .stateBackend(backend).config("key_prefix", "p-").build()) {
            runner.init();
            words.forEach(w -> runner.process(0, w.getBytes(StandardCharsets.UTF_8)));
            Store store = backend.openStore(StoreNames.namespaced("counter", CounterOperator.STORE_NAME));
            for (byte[] key : store.listStates(new byte[0], new byte[0])) {
                String word = new String(key, StandardCharsets.UTF_8).substring(2);
                out.put(word, Long.parseLong(new String(store.getState(key).orElseThrow(), StandardCharsets.UTF_8)));
            }
        }
        long total = out.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(WORDS, total, "the reference run counted every word");
        return out;
    }
}
