package io.fssdk.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fssdk.examples.CounterOperator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Rescaling moves each Flink key's store contents with the key: the counter counts half the words at
 * parallelism 1, the snapshot is split over two subtasks (Flink's own key-group repartitioning), each
 * subtask counts the other half of its keys' words, and every word's final count is its frequency.
 */
class RescaleTest {
    private static final int MAX_PARALLELISM = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void storesFollowTheirKeysFromOneSubtaskToTwo() throws Exception {
        List<String> words = Words.seeded(99, 400, 30);
        FlinkOperator operator = FlinkOperator.builder().operatorName("counter").driver(CounterOperator::new).build();

        KeyedOneInputStreamOperatorTestHarness<String, byte[], byte[]> one = harness(operator, 1, 0);
        one.open();
        for (String w : words.subList(0, 200)) {
            one.processElement(new StreamRecord<>(w.getBytes(StandardCharsets.UTF_8)));
        }
        OperatorSubtaskState snapshot = one.snapshot(1, 1_000);
        one.close();

        Map<String, Long> last = new TreeMap<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            KeyedOneInputStreamOperatorTestHarness<String, byte[], byte[]> h = harness(operator, 2, subtask);
            h.initializeState(AbstractStreamOperatorTestHarness.repartitionOperatorState(snapshot, MAX_PARALLELISM,
                    1, 2, subtask));
            h.open();
            for (String w : words.subList(200, 400)) {
                if (KeyGroupRangeAssignment.assignKeyToParallelOperator(w, MAX_PARALLELISM, 2) == subtask) {
                    h.processElement(new StreamRecord<>(w.getBytes(StandardCharsets.UTF_8)));
                    String line = new String(h.extractOutputValues().get(h.extractOutputValues().size() - 1),
                            StandardCharsets.UTF_8);
                    last.put(w, count(line, w));
                }
            }
            h.close();
        }
        Map<String, Long> expected = new TreeMap<>();
        for (String w : words.subList(200, 400)) {
            expected.put(w, words.stream().filter(w::equals).count());
        }
        assertEquals(expected, last);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, byte[], byte[]> harness(FlinkOperator operator,
            int parallelism, int subtask) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(operator.newStreamOperator(),
                record -> new String(record, StandardCharsets.UTF_8), Types.STRING, MAX_PARALLELISM, parallelism,
                subtask);
    }

    /** The word's count in a counter line (JSON: characters above U+FFFF come escaped). */
    private static long count(String line, String word) throws Exception {
        JsonNode n = JSON.readTree(line).get("counter_map").get(word);
        if (n == null) {
            throw new AssertionError(word + " not in " + line);
        }
        return n.asLong();
    }
}
