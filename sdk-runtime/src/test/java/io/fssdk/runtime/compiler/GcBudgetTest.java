package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The cap on one instance's GC objects ({@link GcBudget}, {@code eh/gcobjects.wat}), here 1 MiB: a guest holding
 * more traps (the engine then starts a fresh instance, which runs); objects Chicory frees between calls stop
 * counting; garbage made within one call counts, as Chicory frees nothing during a call.
 */
class GcBudgetTest {
    private static final long CAP = 1 << 20;
    /** Cells per {@code hoard} call: about 448 KB with their array, so two fit under the cap and three do not. */
    private static final int HOARD = 4_000;
    /**
     * Cells per {@code churn} call, all garbage but the last: about 426 KB, and enough allocations (4,096) for
     * Chicory to sweep at the end of the call.
     */
    private static final int CHURN = 4_100;

    private static Instance capped() throws IOException {
        Instance ours = new InterpreterOracle("eh/gcobjects.wasm", CompilerOptions.DEFAULTS).ours;
        ((CompiledMachine) ours.getMachine()).context().gcBudget = new GcBudget(CAP);
        return ours;
    }

    private static GcBudget budget(Instance ours) {
        return ((CompiledMachine) ours.getMachine()).context().gcBudget;
    }

    @Test
    void aGuestHoldingMoreThanTheCapTrapsAndAFreshInstanceRuns() throws IOException {
        Instance ours = capped();
        ours.export("hoard").apply(HOARD);
        ours.export("hoard").apply(HOARD);
        TrapException e = assertThrows(TrapException.class, () -> ours.export("hoard").apply(HOARD));
        assertTrue(e.getMessage().contains("GC objects") && e.getMessage().contains("cap of " + CAP), e.getMessage());
        assertTrue(budget(ours).liveBytes() <= CAP, "the trap came before the cap: " + budget(ours).liveBytes());

        Instance fresh = capped();
        fresh.export("hoard").apply(HOARD);
        fresh.export("hoard").apply(HOARD);
    }

    @Test
    void objectsChicoryFreesStopCounting() throws IOException {
        Instance ours = capped();
        ours.export("hoard").apply(HOARD);
        ours.export("release").apply();
        ours.export("churn").apply(CHURN, 0, 0); // its 4,100 allocations make Chicory sweep after it
        ours.export("hoard").apply(HOARD);
        ours.export("hoard").apply(HOARD); // three hoards' worth, had the released one still counted
        assertTrue(budget(ours).liveBytes() < CAP, "" + budget(ours).liveBytes());
    }

    @Test
    void garbageFreedBetweenCallsNeverAddsUp() throws IOException {
        Instance ours = capped();
        for (int call = 0; call < 20; call++) {
            ours.export("churn").apply(CHURN, 0, 0); // 8 times the cap in all, each call's garbage freed after it
        }
        assertArrayEquals(new long[] {1}, ours.export("kept").apply());
    }

    @Test
    void garbageMadeWithinOneCallCounts() throws IOException {
        Instance ours = capped();
        TrapException e = assertThrows(TrapException.class, () -> ours.export("churn").apply(3 * CHURN, 0, 0));
        assertTrue(e.getMessage().contains("freed only between calls"), e.getMessage());
        ours.export("churn").apply(CHURN, 0, 0);
        assertArrayEquals(new long[] {1}, ours.export("kept").apply());
    }

    @Test
    void anArrayOverTheCapTrapsBeforeItIsAllocated() throws IOException {
        Instance ours = capped();
        int length = (int) (CAP / 8) + 1;
        TrapException e = assertThrows(TrapException.class, () -> ours.export("zeros").apply(length));
        assertTrue(e.getMessage().contains("one of " + length + " values"), e.getMessage());
        assertEquals(0, budget(ours).liveBytes(), "nothing was made");
        assertArrayEquals(new long[] {1_000}, ours.export("zeros").apply(1_000));
    }

    @Test
    void theDefaultCapIsAQuarterOfTheHeapAtMostOneGibibyte() {
        assertTrue(GcBudget.DEFAULT_CAP > 0 && GcBudget.DEFAULT_CAP <= 1L << 30, "" + GcBudget.DEFAULT_CAP);
        assertTrue(GcBudget.DEFAULT_CAP <= Runtime.getRuntime().maxMemory() / 4);
    }
}
