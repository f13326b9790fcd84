package io.fssdk.runtime.processor.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.component.ExecutionMode;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import io.fssdk.runtime.processor.WasmDriver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-call fuel budget ({@code WasmDriver.Builder.maxFuel}): an endless loop is stopped by the work it does,
 * long before a generous deadline, with a typed error naming fuel; the next record runs on a fresh instance
 * with a full tank.
 */
class FuelTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEndlessLoopRunsOutOfFuelLongBeforeItsDeadline() {
        List<String> out = new ArrayList<>();
        WasmDriver driver = WasmDriver.builder().component(HostileRun.bytes("hostile.wasm")).operatorName("hostile")
                .maxFuel(10_000_000).callDeadline(Duration.ofSeconds(60)).build();
        try (OperatorRunner runner = OperatorRunner.builder().operatorName("hostile").driver(driver)
                .stateBackend(new InMemoryStateBackend())
                .outputSink((target, data) -> out.add(new String(data, StandardCharsets.UTF_8))).build()) {
            runner.init();
            runner.process(0, utf8("nfirst"));
            long start = System.nanoTime();
            SdkException e = assertThrows(SdkException.class, () -> runner.process(0, utf8("L")));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("ran out of fuel"), e.getMessage());
            assertTrue(e.getMessage().contains("10000000 steps"), e.getMessage());
            assertTrue(tookMs < 30_000, "fuel, not the 60 s deadline, stopped it: " + tookMs + " ms");
            runner.process(0, utf8("nsecond"));
            runner.process(0, utf8("nthird"));
            assertEquals(List.of("nfirst", "nsecond", "nthird"), out, "each later call has a full tank");
        }
    }

    @Test
    void fuelNeedsOurCompiler() {
        SdkException e = assertThrows(SdkException.class, () -> WasmDriver.builder()
                .component(HostileRun.bytes("hostile.wasm")).executionMode(ExecutionMode.INTERPRETER).maxFuel(1000)
                .build());
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
        assertTrue(e.getMessage().contains("maxFuel"), e.getMessage());
        assertThrows(SdkException.class, () -> WasmDriver.builder().maxFuel(-1));
    }
}
