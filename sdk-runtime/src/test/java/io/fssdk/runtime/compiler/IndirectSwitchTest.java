package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code call_indirect} through {@link IndirectSwitch}: a signature with more element-segment functions than one
 * method holds (so its cases span several methods), called at every one of them, and a function that reaches the
 * table through {@code ref.func} in a global, which no case names (the default, through its method handle). Both
 * agree with Chicory's interpreter, traps included.
 */
class IndirectSwitchTest {
    private static final int I32 = 0x7f;
    private static final int FUNCREF = 0x70;
    /** Functions {@code 0..MANY-1}, each {@code (i32) -> i32} returning its argument plus 1,000 times its index. */
    private static final int MANY = 700;
    /** {@code (i32) -> i32}, argument times 3: only in global 0, put into the table by the export {@code set}. */
    private static final int LATE = MANY + 2;
    private static final FunctionType UNARY = FunctionType.of(List.of(ValType.I32), List.of(ValType.I32));

    @Test
    void everyCaseAndTheDefaultAgreeWithTheInterpreter() throws Exception {
        WasmModule m = Parser.parse(module());
        List<DifferentialEngine.Call> calls = new ArrayList<>();
        for (int i = 0; i < MANY; i += 7) {
            calls.add(call("call", i, 5));
        }
        calls.add(call("call", MANY - 1, -2));
        calls.add(call("call", MANY, 1)); // the table's last slot, empty: a trap
        calls.add(call("call", MANY + 5, 1)); // past the table: a trap
        calls.add(call("set", MANY));
        calls.add(call("call", MANY, 14)); // the late function, by the default case
        calls.add(call("set", 3));
        calls.add(call("call", 3, 14));
        List<String> expected = new DifferentialEngine(m, null).run(calls);
        CompiledWasm compiled = WasmCompiler.compile(m, CompilerOptions.DEFAULTS);
        assertEquals(Set.of(), compiled.interpretedFunctions());
        assertEquals(expected, new DifferentialEngine(m, compiled).run(calls));
        assertTrue(expected.get(expected.size() - 1).contains("returns [i32:42]"), expected.get(expected.size() - 1));
        assertEquals(2, expected.stream().filter(l -> l.contains("trap")).count(), "the empty slot and past the end: "
                + expected);
        assertTrue(expected.get(2).contains("returns [i32:7005]"), expected.get(2));
    }

    @Test
    void casesAreTheElementSegmentsFunctionsOfTheSignature() {
        WasmModule m = Parser.parse(module());
        ModuleLayout layout = new ModuleLayout(m, "t/C", 10_000, true, 0, null);
        IndirectSwitch s = new IndirectSwitch(layout);
        assertArrayEquals(IntStream.range(0, MANY).toArray(), s.cases(layout.sigIdOf(UNARY)));
        assertTrue(MANY > IndirectSwitch.casesPerMethod(UNARY), "the cases span several methods");
        byte[] file = s.classFile(IndirectSwitch.PREFIX + layout.sigIdOf(UNARY));
        assertTrue(file != null && file.length > 0);
        assertEquals(null, s.classFile(IndirectSwitch.PREFIX + 99), "no such signature");
        assertEquals(null, s.classFile("fssdk/generated/Other"));
    }

    private static DifferentialEngine.Call call(String export, long... args) {
        return new DifferentialEngine.Call(export, args);
    }

    /**
     * Types: 0 {@code (i32) -> i32}, 1 {@code (i32) -> ()}, 2 {@code (i32 i32) -> i32}. A table of MANY + 1 slots
     * holds functions 0..MANY-1 from an active segment. {@code call(slot, x)} calls slot with x; {@code set(slot)}
     * stores global 0 ({@code ref.func LATE}) there.
     */
    static byte[] module() {
        WasmBytes types = new WasmBytes().u(3);
        types.bytes(0x60).u(1).bytes(I32).u(1).bytes(I32);
        types.bytes(0x60).u(1).bytes(I32).u(0);
        types.bytes(0x60).u(2).bytes(I32, I32).u(1).bytes(I32);
        WasmBytes functions = new WasmBytes().u(MANY + 3);
        WasmBytes code = new WasmBytes().u(MANY + 3);
        for (int i = 0; i < MANY; i++) {
            functions.u(0);
            body(code, new WasmBytes().u(0).bytes(0x20).u(0).bytes(0x41).s(1000L * i).bytes(0x6a, 0x0b));
        }
        functions.u(2); // call: local.get 1; local.get 0; call_indirect type 0 table 0
        body(code, new WasmBytes().u(0).bytes(0x20).u(1).bytes(0x20).u(0).bytes(0x11).u(0).u(0).bytes(0x0b));
        functions.u(1); // set: local.get 0; global.get 0; table.set 0
        body(code, new WasmBytes().u(0).bytes(0x20).u(0).bytes(0x23).u(0).bytes(0x26).u(0).bytes(0x0b));
        functions.u(0); // late: local.get 0; i32.const 3; i32.mul
        body(code, new WasmBytes().u(0).bytes(0x20).u(0).bytes(0x41).s(3).bytes(0x6c, 0x0b));
        WasmBytes table = new WasmBytes().u(1).bytes(FUNCREF, 0x00).u(MANY + 1);
        WasmBytes global = new WasmBytes().u(1).bytes(FUNCREF, 0x00, 0xd2).u(LATE).bytes(0x0b);
        WasmBytes exports = new WasmBytes().u(2);
        exports.name("call").bytes(0x00).u(MANY);
        exports.name("set").bytes(0x00).u(MANY + 1);
        WasmBytes elements = new WasmBytes().u(1).u(0).bytes(0x41).s(0).bytes(0x0b).u(MANY);
        for (int i = 0; i < MANY; i++) {
            elements.u(i);
        }
        WasmBytes m = WasmBytes.header();
        m.section(1, types);
        m.section(3, functions);
        m.section(4, table);
        m.section(6, global);
        m.section(7, exports);
        m.section(9, elements);
        m.section(10, code);
        return m.toByteArray();
    }

    private static void body(WasmBytes code, WasmBytes body) {
        code.u(body.size()).append(body);
    }
}
