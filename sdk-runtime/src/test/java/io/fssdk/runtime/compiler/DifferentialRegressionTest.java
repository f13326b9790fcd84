package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeds on which the 10-minute differential run of 2026-12-04 (scripts/differential.sh 10 1000000) found our
 * compiler disagreeing with Chicory's interpreter, or the harness reporting a difference that is not one. Each
 * replays seeds of {@link DifferentialTest} and says what was wrong.
 */
class DifferentialRegressionTest {
    private static void replay(long seed) throws IOException {
        DifferentialTest.loadCorpus();
        DifferentialTest.Stats stats = new DifferentialTest.Stats();
        DifferentialTest.runSeed(seed, stats);
        assertEquals(List.of(), stats.mismatches);
        // A seed that no longer yields a program (the corpus or the mutator changed) would pass having checked nothing.
        assertEquals(1, stats.programs, "seed " + seed + " ran no program");
    }

    /**
     * A mutant whose function body lacks its final end (its last end closes a block), which Chicory accepts; our
     * method ended at the block's branch target with no code after it (VerifyError: StackMapTable error: bad
     * offset) and the whole module fell back to the interpreter. See {@link UnclosedFunctionBodyTest}.
     */
    @Test
    void deadCodeAtTheEndOfAFunctionLoads() throws IOException {
        replay(1000071);
        replay(1000217);
        replay(1000237);
    }

    /**
     * The same shape with the last block ending reachable: our method fell off its code (VerifyError "Control
     * flow falls through code end"). See {@link UnclosedFunctionBodyTest}.
     */
    @Test
    void noFallThroughPastTheMethodEnd() throws IOException {
        replay(1000336);
        replay(1000627);
    }

    /**
     * Not a compiler bug: a table grown by one instance starts the next instance of the same parsed WasmModule at
     * the grown size (Chicory keeps the growth in the module's Table), and this harness used to run one parsed
     * module on the interpreter, then on ours. It now parses the module once per engine. Seed 1001942:
     * (table 10 funcref), export grow = table.grow(ref.null, x). The runtime's own instances never share a table
     * with the module (see CompiledModuleTest.aRestartedInstanceStartsWithTheDeclaredTableSize).
     */
    @Test
    void tableGrowAndSizeMatch() throws IOException {
        for (long seed : new long[] {1001942, 1003001, 1003250, 1003375, 1003703, 1005823}) {
            replay(seed);
        }
    }

    /**
     * Not a compiler bug: f2 stored inf + max(min(nan, x), 0 / 0) with f32.store, a canonical NaN whose sign the
     * spec leaves open; Chicory stored 0xffc00000, ours 0x7fc00000. The generator now makes such NaNs canonical
     * as they are produced (DifferentialGenerator.arithmetic), so the memories compare exactly again.
     */
    @Test
    void generatedStoresMatch() throws IOException {
        replay(1004739);
    }
}
