package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The cap on one core instance's GC objects, set through {@link ComponentOptions.Builder#maxGcBytes}: the core
 * module of {@code compiler/eh/gcobjects.wat}, lifted as {@code hoard: func(n: s32)}, keeps about 448 KB of
 * structs and arrays per {@code hoard(4000)}. Under a 1 MiB cap the third call traps, naming the cap; under the
 * default cap (a quarter of the heap) the same calls run.
 */
class GcObjectCapComponentTest {
    private static final int HOARD = 4_000;

    private static ComponentInstance hoarder(ComponentOptions options) throws IOException {
        byte[] module;
        try (InputStream in = GcObjectCapComponentTest.class
                .getResourceAsStream("/io/fssdk/runtime/compiler/eh/gcobjects.wasm")) {
            module = in.readAllBytes();
        }
        Component c = Component.load(MinimalComponents.liftingOneS32(module, "hoard"), options);
        return Linker.builder().build().instantiate(c);
    }

    @Test
    void aCapSetInTheOptionsStopsAGuestHoldingMore() throws IOException {
        ComponentInstance instance = hoarder(ComponentOptions.builder().maxGcBytes(1 << 20)
                .compileInBackground(false).build());
        instance.call("hoard", WitValue.s32(HOARD));
        instance.call("hoard", WitValue.s32(HOARD));
        TrapException e = assertThrows(TrapException.class, () -> instance.call("hoard", WitValue.s32(HOARD)));
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("gc objects") && e.getMessage().contains("cap of " + (1 << 20)),
                e.getMessage());
    }

    @Test
    void theDefaultCapLetsTheSameCallsRun() throws IOException {
        ComponentInstance instance = hoarder(ComponentOptions.builder().compileInBackground(false).build());
        for (int i = 0; i < 4; i++) {
            instance.call("hoard", WitValue.s32(HOARD));
        }
        assertTrue(!instance.isPoisoned());
    }

    @Test
    void aCapMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComponentOptions.builder().maxGcBytes(0));
        assertTrue(e.getMessage().contains("maxGcBytes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ComponentOptions.builder().maxGcBytes(-1));
    }
}
