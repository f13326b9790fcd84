package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Regression for differential seeds 1000071, 1000217, 1000237, 1000336 and 1000627: a mutant whose function body
 * lacks its final {@code end} (its last {@code end} closes a block, so the function's own frame is never closed).
 * The spec calls that malformed, but Chicory parses and interprets it: running past the last instruction returns
 * from the function. Our compiler emitted nothing for the missing end, so the method either fell off its code
 * (VerifyError "Control flow falls through code end") or ended at a branch target with no code after it
 * (VerifyError "StackMapTable error: bad offset"), and the whole module went to the interpreter. Each case runs
 * a hand-written body on both engines: ours must compile it fully and agree with the interpreter.
 */
class UnclosedFunctionBodyTest {
    private static final int I32 = 0x7f;
    private static final int BLOCK = 0x02;
    private static final int BLOCK_I32 = 0x7f;
    private static final int BLOCK_VOID = 0x40;
    private static final int END = 0x0b;
    private static final int BR = 0x0c;
    private static final int BR_IF = 0x0d;
    private static final int RETURN = 0x0f;
    private static final int DROP = 0x1a;
    private static final int LOCAL_GET = 0x20;
    private static final int I32_CONST = 0x41;
    private static final int I32_ADD = 0x6a;

    /** Seed 1000071's shape: a branch to a block that ends the body, then dead code inside the block. */
    @Test
    void aBranchToTheLastEndReturns() {
        agree(List.of(), List.of(), BLOCK, BLOCK_VOID, BR, 0, I32_ADD, DROP, RETURN, END);
    }

    /** Seed 1000336's shape: the body's last block ends reachable, so control falls off the last instruction. */
    @Test
    void fallingOffTheLastInstructionReturns() {
        agree(List.of(), List.of(I32), BLOCK, BLOCK_I32, I32_CONST, 7, END);
    }

    /** A value carried by a branch to the block the body ends with is the function's result. */
    @Test
    void aCarriedValueIsTheResult() {
        agree(List.of(I32), List.of(I32), BLOCK, BLOCK_I32, I32_CONST, 7, LOCAL_GET, 0, BR_IF, 0, DROP, I32_CONST, 8,
                END);
    }

    /** A value left under the last block's result: the function returns the top one, as the interpreter does. */
    @Test
    void aValueUnderTheResult() {
        agree(List.of(), List.of(I32), I32_CONST, 5, BLOCK, BLOCK_I32, I32_CONST, 7, END);
    }

    /**
     * Too few values for the results (Chicory does not validate the frame it never closes): there is no JVM
     * method to emit, so this function alone goes to the interpreter, whose answer the bridge must pass on.
     */
    @Test
    void tooFewValuesLeaveTheFunctionToTheInterpreter() {
        CompiledWasm compiled = agreeOn(module(List.of(), List.of(I32), BLOCK, BLOCK_VOID, END));
        assertEquals(Set.of(0), compiled.interpretedFunctions());
    }

    /**
     * Compiles {@code (func (export "f") (param..) (result..) code)}, with no final end, fully and runs it on both
     * engines.
     */
    private static void agree(List<Integer> params, List<Integer> results, int... code) {
        CompiledWasm compiled = agreeOn(module(params, results, code));
        assertEquals(Set.of(), compiled.interpretedFunctions(), "falls back: " + compiled.interpretedReasons());
    }

    /** Calls export {@code f} with zeros then ones on both engines, asserts they agree, returns our compilation. */
    private static CompiledWasm agreeOn(byte[] binary) {
        WasmModule m = Parser.parse(binary);
        CompiledWasm compiled = WasmCompiler.compile(m, CompilerOptions.DEFAULTS);
        int params = m.typeSection().getType(0).params().size();
        long[] ones = new long[params];
        Arrays.fill(ones, 1);
        List<DifferentialEngine.Call> plan = List.of(new DifferentialEngine.Call("f", new long[params]),
                new DifferentialEngine.Call("f", ones));
        try {
            assertEquals(new DifferentialEngine(m, null).run(plan), new DifferentialEngine(m, compiled).run(plan));
        } catch (DifferentialEngine.Invalid e) {
            throw new AssertionError("Chicory no longer accepts the module; retire this test", e);
        }
        return compiled;
    }

    private static byte[] module(List<Integer> params, List<Integer> results, int... code) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        bytes(m, 0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
        ByteArrayOutputStream type = new ByteArrayOutputStream();
        bytes(type, 1, 0x60, params.size());
        params.forEach(type::write);
        type.write(results.size());
        results.forEach(type::write);
        section(m, 1, type.toByteArray());
        section(m, 3, new byte[] {1, 0});
        section(m, 7, new byte[] {1, 1, 'f', 0x00, 0});
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0); // no locals
        bytes(body, code);
        ByteArrayOutputStream sec = new ByteArrayOutputStream();
        bytes(sec, 1, body.size());
        sec.writeBytes(body.toByteArray());
        section(m, 10, sec.toByteArray());
        return m.toByteArray();
    }

    /** A section; every size here is under 128, so each LEB128 is one byte. */
    private static void section(ByteArrayOutputStream m, int id, byte[] content) {
        if (content.length >= 128) {
            throw new IllegalArgumentException("section too large for this helper");
        }
        bytes(m, id, content.length);
        m.writeBytes(content);
    }

    private static void bytes(ByteArrayOutputStream out, int... values) {
        for (int v : values) {
            out.write(v);
        }
    }
}
