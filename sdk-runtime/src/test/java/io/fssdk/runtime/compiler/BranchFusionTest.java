package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.OpCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A comparison right before {@code if} or {@code br_if} is compiled into the branch ({@link BranchFusion}):
 * every i32 and i64 comparison, in both places, gives the interpreter's results on edge values, including a
 * {@code br_if} that carries a value out of its block; and the fused ones call no helper of Chicory's, the
 * unsigned ones only the JDK's {@code compareUnsigned}.
 */
class BranchFusionTest {
    private static final int I32 = 0x7f;
    private static final int I64 = 0x7e;
    /** i32.eqz .. i32.ge_u, then i64.eqz .. i64.ge_u: the opcode, and whether it is unary (eqz). */
    private static final int[] COMPARES = {0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, 0x4f,
        0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a};
    private static final long[] I32_VALUES = {0, 1, -1, 5, -5, Integer.MIN_VALUE, Integer.MAX_VALUE};
    private static final long[] I64_VALUES = {0, 1, -1, 1L << 32, -(1L << 32), Long.MIN_VALUE, Long.MAX_VALUE};

    private static boolean unary(int op) {
        return op == 0x45 || op == 0x50;
    }

    private static boolean wide(int op) {
        return op >= 0x50;
    }

    /** Type index: 0 (i32 i32), 1 (i32), 2 (i64 i64), 3 (i64), each returning i32. */
    private static int typeOf(int op) {
        return (wide(op) ? 2 : 0) + (unary(op) ? 1 : 0);
    }

    /**
     * Per comparison two exports: {@code if_XX} ({@code cmp; if (result i32) 7 else 3}) and {@code brif_XX}
     * ({@code block (result i32) 7; cmp; br_if 0; drop; 3}), XX the opcode in hex.
     */
    private static byte[] module() {
        WasmBytes types = new WasmBytes().u(4);
        for (int t : new int[] {I32, I64}) {
            types.bytes(0x60).u(2).bytes(t, t).u(1).bytes(I32);
            types.bytes(0x60).u(1).bytes(t).u(1).bytes(I32);
        }
        int count = 2 * COMPARES.length;
        WasmBytes functions = new WasmBytes().u(count);
        WasmBytes exports = new WasmBytes().u(count);
        WasmBytes code = new WasmBytes().u(count);
        int index = 0;
        for (int op : COMPARES) {
            for (boolean brIf : new boolean[] {false, true}) {
                functions.u(typeOf(op));
                exports.name((brIf ? "brif_" : "if_") + Integer.toHexString(op)).bytes(0x00).u(index++);
                WasmBytes body = new WasmBytes().u(0);
                if (brIf) {
                    body.bytes(0x02, I32, 0x41).s(7); // block (result i32); i32.const 7
                }
                body.bytes(0x20, 0); // local.get 0
                if (!unary(op)) {
                    body.bytes(0x20, 1);
                }
                body.bytes(op);
                if (brIf) {
                    body.bytes(0x0d, 0, 0x1a, 0x41).s(3).bytes(0x0b); // br_if 0; drop; i32.const 3; end
                } else {
                    body.bytes(0x04, I32, 0x41).s(7).bytes(0x05, 0x41).s(3).bytes(0x0b); // if 7 else 3 end
                }
                body.bytes(0x0b);
                code.u(body.size()).append(body);
            }
        }
        return WasmBytes.header().section(1, types).section(3, functions).section(7, exports).section(10, code)
                .toByteArray();
    }

    private static List<DifferentialEngine.Call> calls() {
        List<DifferentialEngine.Call> calls = new ArrayList<>();
        for (int op : COMPARES) {
            long[] values = wide(op) ? I64_VALUES : I32_VALUES;
            for (String prefix : new String[] {"if_", "brif_"}) {
                String name = prefix + Integer.toHexString(op);
                for (long a : values) {
                    if (unary(op)) {
                        calls.add(new DifferentialEngine.Call(name, new long[] {a}));
                        continue;
                    }
                    for (long b : values) {
                        calls.add(new DifferentialEngine.Call(name, new long[] {a, b}));
                    }
                }
            }
        }
        return calls;
    }

    @Test
    void fusedBranchesGiveTheInterpretersResults() throws Exception {
        WasmModule m = Parser.parse(module());
        List<DifferentialEngine.Call> calls = calls();
        List<String> expected = new DifferentialEngine(m, null).run(calls);
        assertEquals(calls.size() + 1, expected.size(), "instantiation, then one line per call: " + expected);
        assertTrue(expected.stream().anyMatch(s -> s.contains("7")) && expected.stream().anyMatch(s -> s.contains("3")),
                "both outcomes occur");
        assertEquals(expected, new DifferentialEngine(m, WasmCompiler.compile(m, CompilerOptions.DEFAULTS)).run(calls));
    }

    @Test
    void fusedComparisonsCallNoHelper() {
        CompiledClasses compiled = WasmCompiler.translate(Parser.parse(module()), CompilerOptions.DEFAULTS);
        List<String> helpers = new ArrayList<>();
        List<String> unsignedCalls = new ArrayList<>();
        for (byte[] bytes : compiled.classes.values()) {
            ClassNode cls = new ClassNode();
            new ClassReader(bytes).accept(cls, 0);
            for (MethodNode method : cls.methods) {
                for (AbstractInsnNode insn : method.instructions) {
                    if (insn instanceof MethodInsnNode call && call.owner.endsWith("/OpcodeImpl")) {
                        helpers.add(call.name);
                    } else if (insn instanceof MethodInsnNode call && call.name.equals("compareUnsigned")) {
                        unsignedCalls.add(call.owner + "." + call.desc);
                    }
                }
            }
        }
        assertEquals(List.of(), helpers);
        // The 4 unsigned comparisons of each width, twice each (if and br_if), call the JDK's compareUnsigned.
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            expected.add("java/lang/Integer.(II)I");
        }
        for (int i = 0; i < 8; i++) {
            expected.add("java/lang/Long.(JJ)I");
        }
        unsignedCalls.sort(null);
        assertEquals(expected, unsignedCalls);
    }
}
