package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Constants are loaded with the shortest JVM instruction that holds them ({@link JvmTypes#pushConstant}):
 * {@code iconst}, {@code bipush}, {@code sipush}, {@code lconst}, else {@code ldc}. Each export folds
 * constants at and either side of every boundary between those encodings into one value, in an order that
 * matters, and must agree with Chicory's interpreter: a constant pushed with the wrong instruction (a
 * {@code bipush} of 128 wraps to -128) changes the result.
 */
class ConstantEncodingTest {
    private static final int I32 = 0x7f;
    private static final int I64 = 0x7e;
    private static final long[] I32_VALUES = {-2, -1, 0, 1, 5, 6, 127, 128, -128, -129, 255, 256, 32767, 32768,
        -32768, -32769, 65535, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE};
    private static final long[] I64_VALUES = {-1, 0, 1, 2, 5, 127, 128, -129, 32768, 65536, 1L << 31, -(1L << 31),
        1L << 32, Long.MAX_VALUE, Long.MIN_VALUE};

    @Test
    void i32ConstantsAgreeWithTheInterpreter() {
        agree(module(I32, I32_VALUES));
    }

    @Test
    void i64ConstantsAgreeWithTheInterpreter() {
        agree(module(I64, I64_VALUES));
    }

    /** Compiles the module fully and runs its export {@code f} on both engines. */
    private static void agree(byte[] binary) {
        WasmModule m = Parser.parse(binary);
        CompiledWasm compiled = WasmCompiler.compile(m, CompilerOptions.DEFAULTS);
        assertEquals(Set.of(), compiled.interpretedFunctions(), "falls back: " + compiled.interpretedReasons());
        List<DifferentialEngine.Call> plan = List.of(new DifferentialEngine.Call("f", new long[0]));
        try {
            assertEquals(new DifferentialEngine(m, null).run(plan), new DifferentialEngine(m, compiled).run(plan));
        } catch (DifferentialEngine.Invalid e) {
            throw new AssertionError("Chicory rejects the module", e);
        }
    }

    /**
     * {@code (func (export "f") (result t) acc = 0; for each c: acc = (acc * 31) xor c)}, with {@code t} i32 or i64
     * and every constant an immediate.
     */
    private static byte[] module(int type, long[] values) {
        int konst = type == I32 ? 0x41 : 0x42;
        int mul = type == I32 ? 0x6c : 0x7e;
        int xor = type == I32 ? 0x73 : 0x85;
        WasmBytes code = new WasmBytes();
        code.bytes(0).bytes(konst).s(0); // no locals; acc = 0
        for (long v : values) {
            code.bytes(konst).s(31).bytes(mul);
            code.bytes(konst).s(v).bytes(xor);
        }
        code.bytes(0x0b);
        WasmBytes m = new WasmBytes();
        m.bytes(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
        m.section(1, new WasmBytes().u(1).bytes(0x60, 0, 1, type));
        m.section(3, new WasmBytes().u(1).u(0));
        m.section(7, new WasmBytes().u(1).name("f").bytes(0x00).u(0));
        m.section(10, new WasmBytes().u(1).u(code.size()).append(code));
        return m.toByteArray();
    }
}
