package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import org.junit.jupiter.api.Test;

/**
 * Generated code reads memory through its instance's copy of the array ({@link GuestContext#bytes}). A grow
 * replaces the array, so every instance sharing the memory must see the new one: a grow by another instance
 * that imports it, and one by the host, are both seen by the exporting instance's compiled code.
 */
class SharedMemoryGrowTest {
    private static final int I32 = 0x7f;
    private static final int PAGE = 65_536;

    /** Memory limits of 1 to 3 pages. */
    private static WasmBytes limits(WasmBytes b) {
        return b.bytes(0x01).u(1).u(3);
    }

    private static byte[] module(WasmBytes types, WasmBytes imports, WasmBytes functions, WasmBytes memories,
            WasmBytes exports, WasmBytes code) {
        WasmBytes m = WasmBytes.header();
        m.section(1, types);
        if (imports != null) {
            m.section(2, imports);
        }
        m.section(3, functions);
        if (memories != null) {
            m.section(5, memories);
        }
        m.section(7, exports);
        m.section(10, code);
        return m.toByteArray();
    }

    private static WasmBytes body(int... instructions) {
        WasmBytes body = new WasmBytes().u(0).bytes(instructions).bytes(0x0b);
        return new WasmBytes().u(body.size()).append(body);
    }

    /** Exports its memory as "mem" and {@code peek(addr) -> i32}, an {@code i32.load8_u}. */
    private static byte[] owner() {
        WasmBytes types = new WasmBytes().u(1).bytes(0x60).u(1).bytes(I32).u(1).bytes(I32);
        WasmBytes memories = limits(new WasmBytes().u(1));
        WasmBytes exports = new WasmBytes().u(2).name("mem").bytes(0x02).u(0).name("peek").bytes(0x00).u(0);
        WasmBytes code = new WasmBytes().u(1).append(body(0x20, 0x00, 0x2d, 0x00, 0x00));
        return module(types, null, new WasmBytes().u(1).u(0), memories, exports, code);
    }

    /** Imports "a"."mem"; exports {@code grow() -> i32} (one page) and {@code poke(addr, value)}, an i32.store8. */
    private static byte[] user() {
        WasmBytes types = new WasmBytes().u(2);
        types.bytes(0x60).u(0).u(1).bytes(I32);
        types.bytes(0x60).u(2).bytes(I32, I32).u(0);
        WasmBytes imports = limits(new WasmBytes().u(1).name("a").name("mem").bytes(0x02));
        WasmBytes exports = new WasmBytes().u(2).name("grow").bytes(0x00).u(0).name("poke").bytes(0x00).u(1);
        WasmBytes code = new WasmBytes().u(2);
        code.append(body(0x41, 0x01, 0x40, 0x00)); // i32.const 1; memory.grow 0
        code.append(body(0x20, 0x00, 0x20, 0x01, 0x3a, 0x00, 0x00)); // local.get 0; local.get 1; i32.store8
        return module(types, imports, new WasmBytes().u(2).u(0).u(1), null, exports, code);
    }

    private static Instance compiled(byte[] bytes, ImportValues imports) {
        WasmModule module = Parser.parse(bytes);
        CompiledWasm code = WasmCompiler.compile(module, CompilerOptions.DEFAULTS);
        return Instance.builder(module).withImportValues(imports).withMachineFactory(code.machineFactory())
                .withMemoryFactory(code.memoryFactory()).build();
    }

    @Test
    void growsByAnotherInstanceOrTheHostReachTheOwnersCompiledCode() {
        Instance owner = compiled(owner(), ImportValues.empty());
        Instance user = compiled(user(), ImportValues.builder()
                .addMemory(new ImportMemory("a", "mem", owner.memory())).build());
        // The owner's first call binds its context to the one-page array.
        assertArrayEquals(new long[] {0}, owner.export("peek").apply(0));

        assertArrayEquals(new long[] {1}, user.export("grow").apply(), "the old size in pages");
        user.export("poke").apply(PAGE + 7, 42);
        assertArrayEquals(new long[] {42}, owner.export("peek").apply(PAGE + 7),
                "the owner reads the array its importer grew");

        assertEquals(2, owner.memory().grow(1), "the host grows it too");
        user.export("poke").apply(2 * PAGE + 9, 77);
        assertArrayEquals(new long[] {77}, owner.export("peek").apply(2 * PAGE + 9));
        assertEquals(3, owner.memory().pages());
    }
}
