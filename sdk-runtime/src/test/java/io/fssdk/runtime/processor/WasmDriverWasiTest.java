package io.fssdk.runtime.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fssdk.runtime.wasi.WasiOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A processor that uses WASI ({@code hello-wasi.c}, wrapped with jco's preview1 adapter) runs under a
 * {@link WasmDriver}: WASI is linked in, denying everything by default, and granting what the
 * {@link WasiOptions} given to the builder grant.
 */
class WasmDriverWasiTest {
    private static List<String> process(WasmDriver driver, TestContext ctx, String record) {
        driver.process(ctx, 0, record.getBytes(StandardCharsets.UTF_8));
        return ctx.drain();
    }

    @Test
    void wasiIsLinkedInAndGrantsNothingByDefault() {
        TestContext ctx = new TestContext();
        WasmDriver driver = WasmDriver.builder().component(GuestFixtures.bytes("hello-wasi.wasm")).build();
        driver.init(ctx, Map.of());
        assertEquals(List.of("(unset)"), process(driver, ctx, "a"), "no environment unless granted");
        driver.close(ctx);
    }

    @Test
    void theGivenWasiOptionsApply() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        TestContext ctx = new TestContext();
        WasmDriver driver = WasmDriver.builder().component(GuestFixtures.bytes("hello-wasi.wasm"))
                .wasi(WasiOptions.builder().env("GREETING", "hi").stdout(stdout).build())
                .build();
        driver.init(ctx, Map.of());
        assertEquals(List.of("hi"), process(driver, ctx, "a"));
        assertEquals(List.of("hi"), process(driver, ctx, "b"));
        driver.close(ctx);
        assertEquals("hello a\nhello b\n", stdout.toString(StandardCharsets.UTF_8));
    }
}
