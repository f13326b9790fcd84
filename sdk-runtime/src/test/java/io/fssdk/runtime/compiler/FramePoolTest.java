package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import org.junit.jupiter.api.Test;

/**
 * Split functions take their frames from a per-instance pool and give them back when they return
 * ({@link GuestSupport#takeFrame}): recursion (frames nested deeper than the pool), traps that never give theirs
 * back, and calls after those all compute what the interpreter does.
 */
class FramePoolTest {
    /**
     * {@code sum(n, k)}: traps ({@code unreachable}) when {@code n == k}, else 0 for n = 0, else
     * {@code n + sum(n - 1, k)} as an i64, with a local holding the partial sum.
     */
    private static byte[] module() {
        WasmBytes body = new WasmBytes().u(1).u(1).bytes(0x7e); // one i64 local
        body.bytes(0x20).u(0).bytes(0x20).u(1).bytes(0x46, 0x04, 0x40, 0x00, 0x0b); // if n == k: unreachable
        body.bytes(0x20).u(0).bytes(0x45, 0x04, 0x40).bytes(0x42).s(0).bytes(0x0f, 0x0b); // if n == 0: return 0
        body.bytes(0x20).u(0).bytes(0x41).s(1).bytes(0x6b).bytes(0x20).u(1).bytes(0x10).u(0); // sum(n - 1, k)
        body.bytes(0x21).u(2); // local.set 2
        body.bytes(0x20).u(0).bytes(0xad).bytes(0x20).u(2).bytes(0x7c); // (i64) n + partial
        body.bytes(0x0b);
        WasmBytes m = WasmBytes.header();
        m.section(1, new WasmBytes().u(1).bytes(0x60).u(2).bytes(0x7f, 0x7f).u(1).bytes(0x7e));
        m.section(3, new WasmBytes().u(1).u(0));
        m.section(7, new WasmBytes().u(1).name("sum").bytes(0x00).u(0));
        m.section(10, new WasmBytes().u(1).u(body.size()).append(body));
        return m.toByteArray();
    }

    @Test
    void framesAreReusedAcrossRecursionTrapsAndLaterCalls() {
        WasmModule module = Parser.parse(module());
        CompiledWasm code = WasmCompiler.compile(module, CompilerOptions.splittingEverything(8)); // three regions
        Instance compiled = Instance.builder(module).withMachineFactory(code.machineFactory())
                .withMemoryFactory(code.memoryFactory()).build();
        Instance interpreted = Instance.builder(Parser.parse(module())).build();
        for (int round = 0; round < 200; round++) {
            int n = 1 + round % 60; // deeper than the pool's 32 slots
            assertArrayEquals(interpreted.export("sum").apply(n, -1), compiled.export("sum").apply(n, -1));
            assertThrows(ChicoryException.class, () -> compiled.export("sum").apply(n, n / 2));
            assertArrayEquals(new long[] {(long) n * (n + 1) / 2}, compiled.export("sum").apply(n, -1));
        }
        GuestContext ctx = ((CompiledMachine) compiled.getMachine()).context();
        assertTrue(ctx.freeFrames > 0, "the calls gave their frames back");
        long[] top = ctx.framePool[ctx.freeFrames - 1];
        compiled.export("sum").apply(1, -1);
        assertSame(top, ctx.framePool[ctx.freeFrames - 1], "and the next call took one of them, not a new one");
    }
}
