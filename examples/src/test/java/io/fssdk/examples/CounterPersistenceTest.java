package io.fssdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.OperatorTestKit;
import io.fssdk.store.rocksdb.RocksDBStateBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counts survive the runner and the RocksDB backend being closed and reopened on the same directory. */
class CounterPersistenceTest {
    @TempDir
    Path dir;

    private List<String> runOnce(Path state, String... lines) {
        List<String> outputs = new ArrayList<>();
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(state);
             OperatorRunner runner = OperatorRunner.builder()
                     .operatorName("counter")
                     .driver(new CounterOperator())
                     .stateBackend(backend)
                     .outputSink((target, data) -> outputs.add(new String(data, StandardCharsets.UTF_8)))
                     .build()) {
            runner.init();
            for (String line : lines) {
                runner.process(0, line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return outputs;
    }

    @Test
    void aSecondLifetimeContinuesTheCounts() {
        Path state = dir.resolve("counter");
        assertEquals(5, runOnce(state, "hello", "world", "hello", "hello", "world").size());
        assertEquals(List.of("{\"total_processed\":1,\"counter_map\":{\"hello\":4}}"), runOnce(state, "hello"));
        assertEquals(List.of("{\"total_processed\":1,\"counter_map\":{\"world\":3}}"), runOnce(state, "world"));
    }

    @Test
    void theTestKitRunsOnRocksDbToo() {
        Path state = dir.resolve("kit");
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(state)) {
            try (OperatorTestKit kit = OperatorTestKit.builder(new CounterOperator()).stateBackend(backend).build()) {
                kit.process("hello");
                kit.takeCheckpoint();
            }
        }
        try (RocksDBStateBackend reopened = RocksDBStateBackend.open(state);
             OperatorTestKit kit = OperatorTestKit.builder(new CounterOperator()).stateBackend(reopened).build()) {
            assertEquals(Optional.of("1"), kit.stateAsString(CounterOperator.STORE_NAME, "hello"));
            kit.process("hello");
            // The checkpoint saved the first lifetime's totals with the counts, so they continue too.
            assertEquals(List.of("{\"total_processed\":2,\"counter_map\":{\"hello\":2}}"), kit.outputStrings());
        }
    }
}
