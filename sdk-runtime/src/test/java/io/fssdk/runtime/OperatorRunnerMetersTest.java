package io.fssdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner's meters, when an embedder gives a registry. */
class OperatorRunnerMetersTest {
    /** Emits each record to the target its first byte names; "boom" throws. */
    private static final class Echo implements Driver {
        @Override
        public void process(Context ctx, int sourceId, byte[] data) {
            if (new String(data, StandardCharsets.UTF_8).equals("boom")) {
                throw new IllegalStateException("boom");
            }
            ctx.emit(data[0] - '0', data);
        }
    }

    @Test
    void countsRecordsPerSourceAndTargetTimesProcessAndCheckpointsAndCountsFailures() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<String> out = new ArrayList<>();
        try (InMemoryStateBackend backend = new InMemoryStateBackend();
             OperatorRunner runner = OperatorRunner.builder().operatorName("echo").driver(new Echo())
                     .stateBackend(backend).meterRegistry(registry)
                     .outputSink((t, d) -> out.add(t + ":" + new String(d, StandardCharsets.UTF_8))).build()) {
            runner.init();
            runner.process(0, bytes("0a"));
            runner.process(0, bytes("1b"));
            runner.process(3, bytes("1c"));
            assertThrows(SdkException.class, () -> runner.process(3, bytes("boom")));
            runner.takeCheckpoint(1);
        }
        assertEquals(List.of("0:0a", "1:1b", "1:1c"), out);
        assertEquals(2.0, registry.get("fssdk.records.in").tags("operator", "echo", "source", "0").counter().count());
        assertEquals(2.0, registry.get("fssdk.records.in").tags("source", "3").counter().count());
        assertEquals(1.0, registry.get("fssdk.records.out").tags("target", "0").counter().count());
        assertEquals(2.0, registry.get("fssdk.records.out").tags("target", "1").counter().count());
        assertEquals(4, registry.get("fssdk.process").tags("operator", "echo").timer().count());
        assertEquals(1, registry.get("fssdk.checkpoint").timer().count());
        assertEquals(1.0, registry.get("fssdk.operator.failures").tags("step", "process", "code", "operator_failed")
                .counter().count());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
