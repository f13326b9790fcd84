package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.BasicInterpreter;

/**
 * An interpreter's dispatch loop, the shape QuickJS's and SpiderMonkey's bytecode loops take in wasm: a
 * {@code br_table} on an opcode read from memory into a nest of {@value #HANDLERS} blocks, one handler after
 * each block's end, every handler branching back to the loop, one of them leaving with a value. Too large for one
 * JVM method, it must be split so that no method passes the JIT limit, it agrees with Chicory's interpreter, and
 * (the reason for the planner's nest rules) a handler runs at most a few region calls deep: a plan that chained
 * one region per nesting level put each QuickJS opcode 35 calls deep.
 */
class DispatchNestTest {
    private static final int HANDLERS = 250;
    private static final int PROGRAM = 3000;
    /** How many times a handler repeats its step: enough that the function is about eight JIT limits large. */
    private static final int WORK = 4;
    /** Where handlers keep a scratch word, past the program. */
    private static final int SCRATCH = 4096;

    @Test
    void theNestCompilesFullyAndAgreesWithTheInterpreter() {
        WasmModule m = Parser.parse(module());
        CompiledWasm compiled = WasmCompiler.compile(m, CompilerOptions.DEFAULTS);
        assertEquals(Set.of(), compiled.interpretedFunctions(), "falls back: " + compiled.interpretedReasons());
        assertEquals(Map.of(), compiled.overJitLimit());
        assertTrue(compiled.maxMethodSize() < ClassCompiler.JIT_LIMIT, "largest method " + compiled.maxMethodSize());
        List<DifferentialEngine.Call> calls = List.of(new DifferentialEngine.Call("run", new long[] {0}),
                new DifferentialEngine.Call("run", new long[] {1234}));
        try {
            assertEquals(new DifferentialEngine(m, null).run(calls), new DifferentialEngine(m, compiled).run(calls));
        } catch (DifferentialEngine.Invalid e) {
            throw new AssertionError("the generated module must be valid", e);
        }
    }

    @Test
    void aHandlerRunsOnlyAFewRegionCallsDeep() {
        WasmModule m = Parser.parse(module());
        SplitSearch.Plan plan = splitOfFirstFunction(m);
        var code = m.codeSection().getFunctionBody(0).instructions();
        assertNotNull(plan, "a function this large is split");
        assertTrue(plan.regions().values().stream().anyMatch(r -> r.nest != null), "the nest is dispatched flat");
        int deepest = 0;
        for (int i = 0; i < code.size(); i++) {
            int depth = 0;
            for (RegionPlanner.Region r : plan.regions().values()) {
                // A group runs its own handlers; the part cut out of it is the groups above and the head.
                if (r.start <= i && i < r.end && !(r.cutFrom() <= i && i <= r.cutTo())) {
                    depth++;
                }
            }
            deepest = Math.max(deepest, depth);
        }
        assertTrue(deepest <= 2, "an instruction runs " + deepest + " region calls deep");
    }

    @Test
    void aNestInsideABlockWithAValueIsDispatchedFlatWithoutIt() throws Exception {
        WasmModule m = Parser.parse(module(true));
        SplitSearch.Plan plan = splitOfFirstFunction(m);
        RegionPlanner.Region group = plan.regions().values().stream().filter(r -> r.nest != null).findFirst()
                .orElseThrow(() -> new AssertionError("the nest is dispatched flat"));
        assertEquals(HANDLERS + 1, group.nest.nest.levels(), "$exit and the cases; $val stays a block around them");
        CompiledWasm compiled = WasmCompiler.compile(m, CompilerOptions.DEFAULTS);
        assertEquals(Map.of(), compiled.overJitLimit());
        List<DifferentialEngine.Call> calls = new java.util.ArrayList<>();
        for (long start : new long[] {0, 1234, 17, 2500, 2999}) {
            calls.add(new DifferentialEngine.Call("run", new long[] {start}));
        }
        List<String> expected = new DifferentialEngine(m, null).run(calls);
        assertTrue(expected.stream().distinct().count() > 3, "the programs end differently: " + expected);
        assertEquals(expected, new DifferentialEngine(m, compiled).run(calls));
        assertEquals(expected, new DifferentialEngine(m, WasmCompiler.compile(m, CompilerOptions.splittingEverything(40)))
                .run(calls));
    }

    /**
     * HotSpot compiles a running loop (on-stack replacement) only at a backward branch whose target has an empty
     * operand stack. An interpreter's bytecode loop may run its whole program in one call of the head's method,
     * so every way back to the head's entry switch must leave the stack empty, or that method stays in a low tier.
     */
    @Test
    void everyBackwardBranchOfTheFlatDispatchLeavesTheStackEmpty() throws Exception {
        CompiledClasses compiled = WasmCompiler.translate(Parser.parse(module()), CompilerOptions.DEFAULTS);
        int backward = 0;
        for (byte[] bytes : compiled.classes.values()) {
            ClassNode cls = new ClassNode();
            new ClassReader(bytes).accept(cls, 0);
            for (MethodNode method : cls.methods) {
                var frames = new Analyzer<>(
                        new BasicInterpreter()).analyze(cls.name, method);
                var code = method.instructions;
                for (int i = 0; i < code.size(); i++) {
                    List<LabelNode> targets = new ArrayList<>();
                    if (code.get(i) instanceof JumpInsnNode jump) {
                        targets.add(jump.label);
                    } else if (code.get(i) instanceof TableSwitchInsnNode table) {
                        targets.addAll(table.labels);
                        targets.add(table.dflt);
                    } else if (code.get(i) instanceof LookupSwitchInsnNode lookup) {
                        targets.addAll(lookup.labels);
                        targets.add(lookup.dflt);
                    }
                    for (LabelNode target : targets) {
                        int t = code.indexOf(target);
                        if (t <= i && frames[t] != null) {
                            backward++;
                            assertEquals(0, frames[t].getStackSize(), cls.name + "." + method.name
                                    + ": a backward branch to a stack of " + frames[t].getStackSize());
                        }
                    }
                }
            }
        }
        assertTrue(backward > 0, "the interpreter's loop has backward branches");
    }

    /**
     * A module of one memory page and one function, {@code (func (export "run") (param i32) (result i32))}
     * with {@code body}; the caller appends its data section.
     */
    static WasmBytes runModule(WasmBytes body) {
        WasmBytes m = new WasmBytes();
        m.bytes(0x00).bytes(0x61).bytes(0x73).bytes(0x6d).bytes(0x01).bytes(0x00).bytes(0x00).bytes(0x00);
        m.section(1, new WasmBytes().u(1).bytes(0x60).u(1).bytes(0x7f).u(1).bytes(0x7f));
        m.section(3, new WasmBytes().u(1).u(0));
        m.section(5, new WasmBytes().u(1).bytes(0x00).u(1));
        m.section(7, new WasmBytes().u(1).name("run").bytes(0x00).u(0));
        m.section(10, new WasmBytes().u(1).u(body.size()).append(body));
        return m;
    }

    /** How the planner splits the module's first function, as the compiler would (null: not split). */
    static SplitSearch.Plan splitOfFirstFunction(WasmModule m) {
        ModuleLayout layout = new ModuleLayout(m, "fssdk/generated/Plan", Integer.MAX_VALUE, true, 0, null);
        FunctionCompiler fc = new FunctionCompiler(layout, 0, "fssdk/generated/Plan0", new HashMap<>());
        return SplitSearch.choose(fc, m.codeSection().getFunctionBody(0).instructions(), layout.types[0], layout);
    }

    /**
     * {@code (func (export "run") (param $pc i32) (result i32))} over a program of {@value #PROGRAM} opcodes at
     * address 0, ended by 255 (the default target: leave with the accumulator).
     */
    static byte[] module() {
        return module(false);
    }

    /**
     * {@link #module()}, with {@code valued} the nest's blocks inside {@code block $val (result i32)} whose first
     * instruction is the nest (as SpiderMonkey's interpreter has it): the nest ends in {@code $val}, which yields the
     * accumulator, and some handlers leave through {@code $val} with a value.
     */
    static byte[] module(boolean valued) {
        int extra = valued ? 1 : 0;
        WasmBytes body = new WasmBytes();
        body.u(1).u(2).bytes(0x7f); // two i32 locals: 1 = pc, 2 = acc
        body.bytes(0x20).u(0).bytes(0x21).u(1); // pc = param
        body.bytes(0x02).bytes(0x7f); // block $done (result i32)
        body.bytes(0x03).bytes(0x40); // loop $next
        if (valued) {
            body.bytes(0x02).bytes(0x7f); // block $val (result i32)
        }
        body.bytes(0x02).bytes(0x40); // block $exit
        for (int i = 0; i < HANDLERS; i++) {
            body.bytes(0x02).bytes(0x40); // block $case_i, innermost first closed
        }
        body.bytes(0x20).u(1).bytes(0x2d).u(0).u(0); // i32.load8_u (local.get pc)
        body.bytes(0x0e).u(HANDLERS); // br_table $case_0 .. $case_{n-1}, default $exit
        for (int i = 0; i <= HANDLERS; i++) {
            body.u(i);
        }
        for (int i = 0; i < HANDLERS; i++) {
            body.bytes(0x0b); // end of $case_i: handler i follows
            int toLoop = HANDLERS - i + extra; // the blocks $case_{i+1}.., $exit (and $val) are open inside $next
            for (int w = 0; w < WORK; w++) {
                // acc = acc * (7i + w + 1) + i + pc, through the scratch word in memory
                body.bytes(0x41).s(SCRATCH).bytes(0x20).u(2).bytes(0x41).s(7 * i + w + 1).bytes(0x6c).bytes(0x41).s(i).bytes(0x6a)
                        .bytes(0x20).u(1).bytes(0x6a).bytes(0x36).u(2).u(0);
                body.bytes(0x41).s(SCRATCH).bytes(0x28).u(2).u(0).bytes(0x21).u(2);
            }
            if (i % 50 == 7) {
                // Leave early with a value once the accumulator has a given bit: a branch that carries a
                // value out of whatever region holds this handler.
                body.bytes(0x20).u(2).bytes(0x20).u(2).bytes(0x41).s(1 << 20).bytes(0x71).bytes(0x0d).u(toLoop + 1).bytes(0x1a);
            }
            if (valued && i % 50 == 21) {
                // Leave through $val with the accumulator when it has another bit.
                body.bytes(0x20).u(2).bytes(0x20).u(2).bytes(0x41).s(1 << 19).bytes(0x71).bytes(0x0d).u(toLoop - 1).bytes(0x1a);
            }
            body.bytes(0x20).u(1).bytes(0x41).s(1).bytes(0x6a).bytes(0x21).u(1); // pc++
            body.bytes(0x0c).u(toLoop); // br $next
        }
        body.bytes(0x0b); // end $exit
        body.bytes(0x20).u(2); // acc
        if (valued) {
            body.bytes(0x0b); // end $val, yielding acc
        }
        body.bytes(0x0c).u(1); // br $done with acc
        body.bytes(0x0b); // end loop
        body.bytes(0x00); // unreachable
        body.bytes(0x0b); // end $done
        body.bytes(0x0b); // end of the function

        WasmBytes m = runModule(body);
        WasmBytes data = new WasmBytes().u(1).bytes(0x00).bytes(0x41).s(0).bytes(0x0b).u(PROGRAM + 1);
        for (int k = 0; k < PROGRAM; k++) {
            data.bytes((k * 37 + k / 7) % HANDLERS);
        }
        data.bytes(255);
        m.section(11, data);
        return m.toByteArray();
    }
}
