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
     * Not compiler bugs: on these mutants (the long run of session 7) Chicory's interpreter failed with an exception
     * of its own (ArrayIndexOutOfBoundsException "Index -63 out of bounds for length 5", a NullPointerException in
     * realloc) where ours trapped. The harness now counts those as interpreter crashes instead of mismatches.
     */
    @Test
    void theInterpretersOwnCrashesAreNotMismatches() throws IOException {
        replay(1796385985);
        replay(1796386396);
    }

    /**
     * Not compiler bugs (the 4-minute run of session 10, seed 10000001): an i32 product passed to a host import.
     * Chicory's interpreter handed the host a long with the product's high bits still set (6,252,104,535 for
     * {@code 65535 * 95401}), ours its 32 bits (1,957,137,239); the harness's stub host hashed the whole long and
     * answered differently, which then showed as a different result or global. A host reads an i32 as 32 bits,
     * and the stub now does.
     */
    @Test
    void aHostSeesOnlyTheLow32BitsOfAnI32Argument() throws IOException {
        replay(10000217);
        replay(10006102);
        replay(10006505);
    }

    /**
     * Not a compiler bug (session 15, {@code scripts/differential.sh 1 16500001}): Chicory's interpreter keeps the
     * high bits of an {@code i32.mul}'s 64-bit product ({@code 803785854 * 0x80000000} is 0 in 32 bits) and its
     * {@code if} tests all 64, so it took the wrong branch and trapped on a load where ours returned. Chicory's own
     * compiler agrees with ours, and the harness now asks it whenever the interpreter and ours disagree.
     */
    @Test
    void aProductZeroInItsLow32BitsIsFalse() throws IOException {
        DifferentialTest.loadCorpus();
        DifferentialTest.Stats stats = new DifferentialTest.Stats();
        DifferentialTest.runSeed(16500585, stats);
        assertEquals(List.of(), stats.mismatches);
        assertEquals(1, stats.interpreterDefects, "the interpreter's wrong branch, outvoted");
    }

    /**
     * Seed 1796377805: a mutant stores at address -64 (0xffffffc0) with offset 1060. The effective address is
     * computed in 33 bits and lies past 4 GiB, so the store traps; ours does, Chicory's interpreter wraps it to 996
     * and stores (the one mismatch that run found, and the interpreter's).
     */
    @Test
    void anEffectiveAddressPastFourGibTraps() {
        WasmBytes code = new WasmBytes().u(0).bytes(0x41).s(-64).bytes(0x41).s(0).bytes(0x3a).u(0).u(1060);
        code.bytes(0x41).s(7).bytes(0x0b); // ... i32.store8 offset=1060; i32.const 7
        WasmBytes m = WasmBytes.header();
        m.section(1, new WasmBytes().u(1).bytes(0x60).u(0).u(1).bytes(0x7f));
        m.section(3, new WasmBytes().u(1).u(0));
        m.section(5, new WasmBytes().u(1).bytes(0x00).u(1));
        m.section(7, new WasmBytes().u(1).name("f").bytes(0x00).u(0));
        m.section(10, new WasmBytes().u(1).u(code.size()).append(code));
        com.dylibso.chicory.wasm.WasmModule module = com.dylibso.chicory.wasm.Parser.parse(m.toByteArray());
        CompiledWasm compiled = WasmCompiler.compile(module, CompilerOptions.DEFAULTS);
        com.dylibso.chicory.runtime.Instance i = com.dylibso.chicory.runtime.Instance.builder(module)
                .withMachineFactory(compiled.machineFactory()).withMemoryFactory(compiled.memoryFactory()).build();
        com.dylibso.chicory.runtime.WasmRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(
                com.dylibso.chicory.runtime.WasmRuntimeException.class, () -> i.export("f").apply());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("out of bounds memory access"),
                e.getMessage());
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
