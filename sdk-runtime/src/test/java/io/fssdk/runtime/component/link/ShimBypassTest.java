package io.fssdk.runtime.component.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.fssdk.runtime.compiler.CompiledWasm;
import io.fssdk.runtime.compiler.CompilerOptions;
import io.fssdk.runtime.compiler.WasmCompiler;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * An import bound to a {@code wit-component} shim function calls what the shim's table slot holds without
 * running the shim ({@link ShimBypass}). It must behave as the shim does: the same results, the same
 * errors for a slot out of range, empty, or holding a function of another type, a slot changed later
 * honoured; and only functions whose whole body is the forwarding {@code call_indirect} qualify.
 */
class ShimBypassTest {
    /**
     * {@code (func (export "f") (param i32 i32) (result i32) local.get 0 local.get 1 i32.const SLOT
     * call_indirect (type 0))}, {@code (table (export "t") 2 funcref)}; {@code swap} sets the two locals in
     * the other order, which is no shim.
     */
    private static byte[] shim(int slot, boolean swap) {
        String locals = swap ? "2001" + "2000" : "2000" + "2001";
        return HexFormat.of().parseHex("0061736d01000000"
                + "010701" + "60027f7f017f"
                + "03020100"
                + "040401700002"
                + "070902" + "01660000" + "01740100"
                + "0a0d01" + "0b00" + locals + "41" + String.format("%02x", slot) + "1100000b");
    }

    /** {@code add(i32, i32) -> i32} and {@code neg(i32) -> i32}, section by section. */
    private static final byte[] TARGET = HexFormat.of().parseHex("0061736d01000000"
            + "010c02" + "60027f7f017f" + "60017f017f"
            + "0303020001"
            + "070d02" + "03616464" + "0000" + "036e6567" + "0001"
            + "0a1102" + "0700200020016a0b" + "0700410020006b0b");

    private static Instance compiled(byte[] binary) {
        WasmModule m = Parser.parse(binary);
        CompiledWasm c = WasmCompiler.compile(m, CompilerOptions.DEFAULTS);
        return Instance.builder(m).withMachineFactory(c.machineFactory()).withMemoryFactory(c.memoryFactory())
                .build();
    }

    @Test
    void onlyAWholeForwardingBodyOfOurCompiledCodeIsAShim() {
        assertTrue(ShimBypass.of(compiled(shim(1, false)), 0).isPresent());
        assertFalse(ShimBypass.of(compiled(shim(1, true)), 0).isPresent(), "arguments reordered");
        assertFalse(ShimBypass.of(compiled(TARGET), 0).isPresent(), "an ordinary function");
        assertFalse(ShimBypass.of(Instance.builder(Parser.parse(shim(1, false))).build(), 0).isPresent(),
                "Chicory's interpreter: its call_indirect errors are its own");
    }

    @Test
    void itCallsWhatTheSlotHoldsAsTheShimDoes() {
        Instance shim = compiled(shim(1, false));
        Instance target = compiled(TARGET);
        ShimBypass bypass = ShimBypass.of(shim, 0).orElseThrow();

        // Slot 1 is empty: both fail alike.
        assertSameFailure(shim, bypass, 0);
        // The right type: the same result.
        shim.table(0).setRef(1, 0, target);
        assertArrayEquals(shim.export("f").apply(40, 2), bypass.apply(null, 40, 2));
        assertEquals(42, bypass.apply(null, 40, 2)[0]);
        assertEquals(42, bypass.callDirect(null, 40, 2, 0, 0, 0, 0), "as compiled callers call it");
        // Changed later to a function of another type: the same error, not a stale call of the old one.
        shim.table(0).setRef(1, 1, target);
        assertSameFailure(shim, bypass, 1);
    }

    @Test
    void aSlotOutOfRangeFailsAsInTheShim() {
        Instance shim = compiled(shim(5, false));
        assertSameFailure(shim, ShimBypass.of(shim, 0).orElseThrow(), 2);
    }

    private static void assertSameFailure(Instance shim, ShimBypass bypass, int what) {
        ChicoryException want = assertThrows(ChicoryException.class, () -> shim.export("f").apply(1, 2), "case " + what);
        ChicoryException got = assertThrows(ChicoryException.class, () -> bypass.apply(null, 1, 2), "case " + what);
        assertEquals(want.getClass(), got.getClass());
        assertEquals(want.getMessage(), got.getMessage());
        ChicoryException direct = assertThrows(ChicoryException.class, () -> bypass.callDirect(null, 1, 2, 0, 0, 0, 0));
        assertEquals(want.getClass(), direct.getClass());
        assertEquals(want.getMessage(), direct.getMessage());
    }
}
