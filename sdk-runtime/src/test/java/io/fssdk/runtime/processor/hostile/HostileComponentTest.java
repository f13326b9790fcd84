package io.fssdk.runtime.processor.hostile;

import static io.fssdk.runtime.processor.hostile.HostileRun.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentInstance;
import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import io.fssdk.runtime.processor.WasmDriver;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The two hostile guests that cannot be a command byte of {@code hostile.wasm}: a bad discriminant in a
 * returned result (no processor export returns a variant, so this is the engine's check, on
 * {@code bad-result.wasm}), and tables declared so large that instantiating them would take gigabytes
 * ({@code big-table.wasm}, refused before any guest code runs).
 */
class HostileComponentTest {
    @Test
    void aBadDiscriminantInAReturnedResultTraps() {
        Component component = Component.load(HostileRun.bytes("bad-result.wasm"));
        Linker linker = Linker.builder().build();
        ComponentInstance instance = linker.instantiate(component);
        assertEquals(WitValue.ok(WitValue.u32(42)), instance.call("result-of", WitValue.u32(0)).orElseThrow());

        TrapException e = assertThrows(TrapException.class, () -> instance.call("result-of", WitValue.u32(7)));
        assertTrue(e.getMessage().contains("discriminant 7 out of range for result<u32, string>"), e.getMessage());
        assertTrue(instance.isPoisoned(), "a trapped instance is never called again");

        ComponentInstance fresh = linker.instantiate(component);
        assertEquals(WitValue.ok(WitValue.u32(42)), fresh.call("result-of", WitValue.u32(0)).orElseThrow());
    }

    @Test
    void aTableDeclaredTooLargeIsRefusedAtInstantiation() {
        WasmDriver driver = WasmDriver.builder().component(HostileRun.bytes("big-table.wasm")).operatorName("hostile")
                .callDeadline(HostileRun.DEADLINE).build();
        InMemoryStateBackend backend = new InMemoryStateBackend();
        OperatorRunner runner = OperatorRunner.builder().operatorName("hostile").driver(driver).stateBackend(backend)
                .build();
        try {
            long start = System.nanoTime();
            SdkException e = assertThrows(SdkException.class, runner::init);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(ErrorCode.RUNTIME_INVALID_DRIVER, e.code(), e.getMessage());
            assertMentions(e, "declares a table of 10000000 elements, over the cap of 1048576 for all its tables");
            assertTrue(took.compareTo(HostileRun.DEADLINE) < 0, "took " + took.toMillis() + " ms");
        } finally {
            runner.close();
            backend.close();
        }
    }
}
