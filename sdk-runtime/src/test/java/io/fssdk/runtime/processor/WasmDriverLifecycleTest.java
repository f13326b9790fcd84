package io.fssdk.runtime.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.Module;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.OperatorTestKit;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The eight exports, each driven through its {@link io.fssdk.api.Driver} step, on the C counter
 * ({@code examples/guests/c/counter.c}), and a component that exports {@code fs-process} alone.
 */
class WasmDriverLifecycleTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static WasmDriver counter() {
        return WasmDriver.builder().component(GuestFixtures.component("counter.wasm")).operatorName("counter").build();
    }

    @Test
    void everyExportIsDrivenThroughARunner() {
        try (OperatorTestKit kit = OperatorTestKit.builder(counter()).operatorName("counter")
                .config(Map.of("key_prefix", " p- ")).build()) {
            kit.process("hello");
            kit.process(" world ");
            kit.process("   ");
            kit.process("hello");
            assertEquals(List.of("{\"total_processed\":1,\"counter_map\":{\"hello\":1}}",
                    "{\"total_processed\":2,\"counter_map\":{\"hello\":1,\"world\":1}}",
                    "{\"total_processed\":3,\"counter_map\":{\"hello\":2,\"world\":1}}"), kit.drainOutputStrings());
            assertEquals(Optional.of("2"), kit.stateAsString("counter-store", "p-hello"), "key_prefix is trimmed");

            kit.processWatermark(3, -2L); // u64 max: forwarded bit for bit to target 0
            assertEquals(-2L, kit.drainWatermarks().get(0).watermark());
            kit.takeCheckpoint(7);
            assertTrue(kit.checkHeartbeat());
            assertArrayEquals(new byte[] {0, (byte) 0xff, 'x'}, kit.custom(new byte[] {0, (byte) 0xff, 'x'}));
            assertArrayEquals(new byte[0], kit.custom(new byte[0]));
            kit.runner().exec("Main", List.of(new Module("m", utf8("code")), new Module("\u00e9", new byte[0])));
            kit.process("hello");
            assertEquals(List.of("{\"total_processed\":4,\"counter_map\":{\"hello\":3,\"world\":1}}"),
                    kit.drainOutputStrings(), "nothing above restarted the instance");
        }
    }

    @Test
    void aRestartedInstanceGetsTheSameConfiguration() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("key_prefix", "a-");
        config.put("other", "ignored");
        TestContext ctx = new TestContext();
        WasmDriver driver = counter();
        driver.init(ctx, config);
        driver.process(ctx, 0, utf8("x"));
        // The counter treats a store error as fatal and traps; the next call runs on a fresh instance.
        TrackingStore store = ctx.stores.get("counter-store");
        store.failWith = new SdkException(ErrorCode.STORE_IO, "disk on fire");
        SdkException e = assertThrows(SdkException.class, () -> driver.process(ctx, 0, utf8("x")));
        assertEquals(ErrorCode.OPERATOR_FAILED, e.code(), e.getMessage());
        store.failWith = null;
        driver.process(ctx, 0, utf8("x"));
        assertEquals(List.of("{\"total_processed\":1,\"counter_map\":{\"x\":1}}",
                "{\"total_processed\":1,\"counter_map\":{\"x\":2}}"), ctx.drain());
        assertEquals(Optional.of("2"), store.getState(utf8("a-x")).map(b -> new String(b, StandardCharsets.UTF_8)),
                "the fresh instance read key_prefix again");
        driver.close(ctx);
    }

    @Test
    void stepsOutOfOrderAreRefused() {
        TestContext ctx = new TestContext();
        WasmDriver driver = counter();
        SdkException early = assertThrows(SdkException.class, () -> driver.process(ctx, 0, utf8("x")));
        assertEquals(ErrorCode.RUNTIME_NOT_INITIALIZED, early.code());
        driver.init(ctx, Map.of());
        driver.close(ctx);
        driver.close(ctx); // idempotent
        SdkException late = assertThrows(SdkException.class, () -> driver.process(ctx, 0, utf8("x")));
        assertEquals(ErrorCode.RUNTIME_CLOSED, late.code());
        assertEquals("counter", late.operator().orElseThrow());
    }

    @Test
    void missingOptionalExportsBehaveLikeTheDriverDefaults() {
        TestContext ctx = new TestContext();
        WasmDriver driver = WasmDriver.builder().component(GuestFixtures.bytes("process-only.wasm")).build();
        assertEquals("wasm", driver.operatorName());
        driver.init(ctx, Map.of("a", "b"));
        driver.process(ctx, 0, utf8("echo"));
        assertEquals(List.of("echo"), ctx.drain());
        driver.processWatermark(ctx, 0, 5);
        driver.takeCheckpoint(ctx, 1);
        assertTrue(driver.checkHeartbeat(ctx));
        driver.exec(ctx, "x", List.of());
        byte[] payload = utf8("p");
        byte[] answer = driver.custom(ctx, payload);
        assertArrayEquals(payload, answer);
        assertTrue(answer != payload, "a copy, as the Driver default answers");
        assertEquals(List.of(), ctx.watermarks);
        driver.close(ctx);
    }

    @Test
    void anImportTheDriverDoesNotDefineFailsInitUnlessStubbed() {
        // process-only.wasm with its collector import renamed (same length, so the binary stays valid).
        byte[] b = GuestFixtures.bytes("process-only.wasm");
        String text = new String(b, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("functionstream:core/collector@0.1.0");
        System.arraycopy(utf8("functionstream:core/collectos@0.1.0"), 0, b, at, 35);
        TestContext ctx = new TestContext();

        WasmDriver strict = WasmDriver.builder().component(b).build();
        SdkException e = assertThrows(SdkException.class, () -> strict.init(ctx, Map.of()));
        assertEquals(ErrorCode.RUNTIME_INVALID_DRIVER, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("cannot instantiate the component: "), e.getMessage());
        assertTrue(e.getMessage().contains("functionstream:core/collectos@0.1.0"), e.getMessage());

        WasmDriver lenient = WasmDriver.builder().component(b).stubUnknownImports(true).build();
        lenient.init(ctx, Map.of());
        SdkException trap = assertThrows(SdkException.class, () -> lenient.process(ctx, 0, utf8("x")));
        assertEquals(ErrorCode.OPERATOR_FAILED, trap.code(), trap.getMessage());
        assertTrue(trap.getMessage().contains("trapped in `functionstream:core/collectos@0.1.0#emit`"),
                trap.getMessage());
    }
}
