package io.fssdk.runtime.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Caps on what a guest holds beyond its memory: an outside test created 579 RocksDB column families from
 * guest-chosen store names in a minute. misbehave's {@code open:NAME} opens store NAME and drops it.
 */
class WasmDriverResourceCapsTest {
    private final TestContext ctx = new TestContext();

    private List<String> process(WasmDriver driver, String input) {
        driver.process(ctx, 0, input.getBytes(StandardCharsets.UTF_8));
        return ctx.drain();
    }

    @Test
    void distinctStoreNamesAreCappedPerOperatorWithATypedErrorNamingTheCap() {
        // Two names: misbehave's own store (opened by fs-init) and one more.
        WasmDriver driver = WasmDriver.builder().component(GuestFixtures.bytes("misbehave.wasm"))
                .operatorName("misbehave").resourceCaps(new ResourceCaps(8, 8, 2)).build();
        driver.init(ctx, Map.of());
        assertEquals(List.of("open:a"), process(driver, "open:a"));
        assertEquals(List.of("open:a"), process(driver, "open:a"), "a name already opened is no new store");
        SdkException e = assertThrows(SdkException.class, () -> driver.process(ctx, 0,
                "open:b".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("ResourceCaps.storeNames"), e.getMessage());
        assertEquals(List.of("x=1"), process(driver, "x"), "the next message works on a fresh instance");
        driver.close(ctx);
    }

    @Test
    void droppedStoreHandlesCountNoLonger() {
        WasmDriver driver = WasmDriver.builder().component(GuestFixtures.bytes("misbehave.wasm"))
                .operatorName("misbehave").resourceCaps(new ResourceCaps(8, 2, 8)).build();
        driver.init(ctx, Map.of());
        for (int i = 0; i < 20; i++) {
            assertEquals(List.of("open:a"), process(driver, "open:a"), "open and drop, round " + i);
        }
        driver.close(ctx);
    }

    @Test
    void capsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ResourceCaps(0, 1, 1));
    }
}
