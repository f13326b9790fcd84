package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import org.junit.jupiter.api.Test;

/**
 * The unboxed entry the component linker uses for {@code cabi_realloc} and {@code fs-process} must be the
 * boxed export call minus the boxing: the same results, the same memory effects, and the same Chicory
 * exception with the same message for every guest fault (out-of-bounds access, division by zero,
 * {@code unreachable}); and it is offered only for functions of exactly its shape.
 */
class DirectEntryTest {
    /**
     * {@code alloc(a, b, c, d) -> i32}: stores d at address a, then returns {@code i32.load(b) / c}; with
     * {@code c == 7} it hits {@code unreachable}. {@code put(a, b, c)}: stores c at a + b. Memory: one page.
     */
    private static byte[] module() {
        WasmBytes alloc = new WasmBytes().u(0);
        alloc.bytes(0x20).u(0).bytes(0x20).u(3).bytes(0x36).u(2).u(0); // i32.store (a) (d)
        alloc.bytes(0x20).u(2).bytes(0x41).s(7).bytes(0x46); // c == 7
        alloc.bytes(0x04).bytes(0x40).bytes(0x00).bytes(0x0b); // if unreachable end
        alloc.bytes(0x20).u(1).bytes(0x28).u(2).u(0).bytes(0x20).u(2).bytes(0x6d); // i32.div_s (load b) c
        alloc.bytes(0x0b);
        WasmBytes put = new WasmBytes().u(0);
        put.bytes(0x20).u(0).bytes(0x20).u(1).bytes(0x6a).bytes(0x20).u(2).bytes(0x36).u(2).u(0).bytes(0x0b);

        WasmBytes m = new WasmBytes();
        m.bytes(0x00).bytes(0x61).bytes(0x73).bytes(0x6d).bytes(0x01).bytes(0x00).bytes(0x00).bytes(0x00);
        m.section(1, new WasmBytes().u(2)
                .bytes(0x60).u(4).bytes(0x7f).bytes(0x7f).bytes(0x7f).bytes(0x7f).u(1).bytes(0x7f)
                .bytes(0x60).u(3).bytes(0x7f).bytes(0x7f).bytes(0x7f).u(0));
        m.section(3, new WasmBytes().u(2).u(0).u(1));
        m.section(5, new WasmBytes().u(1).bytes(0x00).u(1));
        m.section(7, new WasmBytes().u(2).name("alloc").bytes(0x00).u(0).name("put").bytes(0x00).u(1));
        m.section(10, new WasmBytes().u(2).u(alloc.size()).append(alloc).u(put.size()).append(put));
        return m.toByteArray();
    }

    private static Instance instance() {
        WasmModule module = Parser.parse(module());
        CompiledWasm compiled = WasmCompiler.compile(module, CompilerOptions.DEFAULTS);
        return Instance.builder(module).withMachineFactory(compiled.machineFactory())
                .withMemoryFactory(compiled.memoryFactory()).build();
    }

    @Test
    void theSameResultsAndEffectsAsTheBoxedCall() {
        Instance boxed = instance();
        Instance direct = instance();
        DirectEntry alloc = DirectEntry.i4ToI(direct, 0).orElseThrow();
        DirectEntry put = DirectEntry.i3ToV(direct, 1).orElseThrow();
        int[][] calls = {{16, 16, 3, 100}, {32, 16, -5, 9}, {0, 32, 1, -1}, {65532, 16, 2, 12345}};
        for (int[] c : calls) {
            long[] r = boxed.export("alloc").apply(c[0], c[1], c[2], c[3]);
            assertEquals((int) r[0], alloc.callI4ToI(c[0], c[1], c[2], c[3]));
        }
        boxed.export("put").apply(100, 28, 0xCAFE);
        put.callI3ToV(100, 28, 0xCAFE);
        assertEquals(boxed.memory().readInt(128), direct.memory().readInt(128));
        assertEquals(0xCAFE, direct.memory().readInt(128));
    }

    @Test
    void theSameFaultsAsTheBoxedCall() {
        Instance boxed = instance();
        Instance direct = instance();
        DirectEntry alloc = DirectEntry.i4ToI(direct, 0).orElseThrow();
        DirectEntry put = DirectEntry.i3ToV(direct, 1).orElseThrow();
        int[][] faults = {{65533, 0, 1, 0}, {0, 65534, 1, 0}, {0, 0, 0, 0}, {0, 0, 7, 0}};
        for (int[] c : faults) {
            ChicoryException want = assertThrows(ChicoryException.class,
                    () -> boxed.export("alloc").apply(c[0], c[1], c[2], c[3]));
            ChicoryException got = assertThrows(ChicoryException.class,
                    () -> alloc.callI4ToI(c[0], c[1], c[2], c[3]));
            assertEquals(want.getClass(), got.getClass());
            assertEquals(want.getMessage(), got.getMessage());
        }
        ChicoryException want = assertThrows(ChicoryException.class, () -> boxed.export("put").apply(65535, 0, 1));
        ChicoryException got = assertThrows(ChicoryException.class, () -> put.callI3ToV(65535, 0, 1));
        assertEquals(want.getClass(), got.getClass());
        assertEquals(want.getMessage(), got.getMessage());
    }

    @Test
    void onlyForFunctionsOfItsShape() {
        Instance i = instance();
        assertTrue(DirectEntry.i4ToI(i, 0).isPresent());
        assertFalse(DirectEntry.i3ToV(i, 0).isPresent());
        assertFalse(DirectEntry.i4ToI(i, 1).isPresent());
        assertFalse(DirectEntry.i4ToI(i, 2).isPresent());
        assertFalse(DirectEntry.i4ToI(Instance.builder(Parser.parse(module())).build(), 0).isPresent(),
                "Chicory's interpreter has no direct entry");
    }
}
