package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.runtime.WasmStruct;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * GC objects compiled code makes are Chicory's, registered in the instance ({@code eh/gcobjects.wat}): Chicory's
 * safe point after an export call frees those no global or table holds, and keeps the one a global holds. The
 * unboxed {@link DirectEntry}, which would bypass that safe point, is not offered for such a module.
 */
class GcObjectsTest {
    /** The number Chicory gives the first object an instance registers ({@code GcRefStore.ID_OFFSET}). */
    private static final int FIRST_OBJECT = 0x10000;

    @Test
    void theSafePointAfterAnExportCallFreesWhatNothingHolds() throws IOException {
        InterpreterOracle oracle = new InterpreterOracle("eh/gcobjects.wasm", CompilerOptions.DEFAULTS);
        Instance ours = oracle.ours;
        ours.export("churn").apply(10, 0, 0);
        assertNotNull(ours.gcRef(FIRST_OBJECT), "fewer allocations than a sweep waits for: nothing swept yet");

        ours.export("churn").apply(5_000, 0, 0);
        assertNull(ours.gcRef(FIRST_OBJECT), "garbage, swept at the end of the export call");
        long kept = ours.global(0).getValue();
        assertTrue(kept > FIRST_OBJECT + 5_000, "the last cell made: " + kept);
        WasmStruct cell = (WasmStruct) ours.gcRef((int) kept);
        assertEquals(1, cell.field(0));
        assertArrayEquals(new long[] {1}, ours.export("kept").apply());
        oracle.interpreted.export("churn").apply(5_000, 0, 0);
        assertArrayEquals(oracle.interpreted.export("kept").apply(), ours.export("kept").apply(), "as interpreted");
    }

    /** An array the heap has no room for (16 GiB) fails its call with a trap; the instance goes on. */
    @Test
    void anArrayTooLargeForTheHeapTraps() throws IOException {
        int length = Integer.MAX_VALUE - 8; // the longest a JVM array may be: 16 GiB of longs
        assumeTrue(Runtime.getRuntime().maxMemory() < 15L << 30, "a heap with room for 16 GiB");
        InterpreterOracle oracle = new InterpreterOracle("eh/gcobjects.wasm", CompilerOptions.DEFAULTS);
        assertArrayEquals(new long[] {1_000}, oracle.ours.export("zeros").apply(1_000));
        TrapException e = assertThrows(TrapException.class, () -> oracle.ours.export("zeros").apply(length));
        assertTrue(e.getMessage().contains("out of memory"), e.getMessage());
        assertArrayEquals(new long[] {7}, oracle.ours.export("zeros").apply(7));
    }

    @Test
    void noUnboxedEntryBypassesTheSafePoint() throws IOException {
        InterpreterOracle oracle = new InterpreterOracle("eh/gcobjects.wasm", CompilerOptions.DEFAULTS);
        assertTrue(DirectEntry.i3ToV(oracle.ours, 0).isEmpty(), "churn has the fs-process shape but makes objects");
        assertTrue(DirectEntry.runsCompiled(oracle.ours));
    }
}
