package io.fssdk.runtime.processor.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import io.fssdk.runtime.processor.WasmDriver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code WasmDriver.Builder.maxGcBytes}: a cap that is not positive is a configuration error, and a valid one
 * reaches the engine (a guest making no GC objects runs under it as before). That the cap stops a guest holding
 * more is {@code GcObjectCapComponentTest}'s, on a GC guest.
 */
class GcCapOptionTest {
    @Test
    void aCapThatIsNotPositiveIsAConfigurationError() {
        SdkException e = assertThrows(SdkException.class, () -> WasmDriver.builder().maxGcBytes(0));
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
        assertTrue(e.getMessage().contains("maxGcBytes"), e.getMessage());
        assertThrows(SdkException.class, () -> WasmDriver.builder().maxGcBytes(-5));
    }

    @Test
    void aGuestWithoutGcObjectsRunsUnderACap() {
        List<String> out = new ArrayList<>();
        WasmDriver driver = WasmDriver.builder().component(HostileRun.bytes("hostile.wasm")).operatorName("hostile")
                .maxGcBytes(64 * 1024).build();
        try (OperatorRunner runner = OperatorRunner.builder().operatorName("hostile").driver(driver)
                .stateBackend(new InMemoryStateBackend())
                .outputSink((target, data) -> out.add(new String(data, StandardCharsets.UTF_8))).build()) {
            runner.init();
            runner.process(0, "nfirst".getBytes(StandardCharsets.UTF_8));
            runner.process(0, "nsecond".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of("nfirst", "nsecond"), out);
    }
}
