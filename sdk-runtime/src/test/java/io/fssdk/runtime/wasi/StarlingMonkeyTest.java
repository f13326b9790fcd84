package io.fssdk.runtime.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentInstance;
import io.fssdk.runtime.component.LinkException;
import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.WitValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A componentize-js 0.23.0 component (the StarlingMonkey JS engine, about 12 MB) instantiates with WASI
 * and its {@code wasi:http} imports (at 0.2.10, which no WASI host here defines) stubbed, and answers
 * an export call that reads the wall clock and logs to stdout. It runs in Chicory's interpreter: the
 * runtime compiler needs over two minutes for its 12 MB core module (measured: parse 10-33 s, compile
 * about 130 s, instantiate 0.3 s, first call 0.8 s compiled against 2 s interpreted).
 */
class StarlingMonkeyTest {
    private static final long WALL = 1_700_000_000_000_000_000L;  // 2023-11-14T22:13:20Z

    private static Component component;

    @BeforeAll
    static void parse() {
        long start = System.nanoTime();
        component = Fixtures.interpreted("starlingmonkey.wasm");
        System.out.printf("starlingmonkey.wasm parsed in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void aJavaScriptGuestAnswersWithItsHttpImportsStubbed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Linker.Builder linker = Linker.builder().stubUnknownImports(true);
        WasiHost.addTo(linker, WasiOptions.builder().stdout(out).clock(WasiClock.fixed(WALL, 0)).build());
        long start = System.nanoTime();
        ComponentInstance instance = linker.build().instantiate(component);
        long instantiated = System.nanoTime();
        WitValue greeting = instance.call("greet", WitValue.string("Chicory")).orElseThrow();
        long called = System.nanoTime();
        System.out.printf("starlingmonkey.wasm instantiated in %d ms, first call %d ms%n",
                (instantiated - start) / 1_000_000, (called - instantiated) / 1_000_000);
        assertEquals(WitValue.string("Hello, Chicory! It is 2023-11-14T22:13:20.000Z."), greeting);
        assertEquals("greeting Chicory\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(WitValue.string("Hello, again! It is 2023-11-14T22:13:20.000Z."),
                instance.call("greet", WitValue.string("again")).orElseThrow());
    }

    @Test
    void withoutTheStubsItsHttpImportIsALinkError() {
        Linker.Builder linker = Linker.builder();
        WasiHost.addTo(linker, WasiOptions.defaults());
        LinkException e = assertThrows(LinkException.class, () -> linker.build().instantiate(component));
        assertTrue(e.getMessage().contains("wasi:http/"), e.getMessage());
    }
}
