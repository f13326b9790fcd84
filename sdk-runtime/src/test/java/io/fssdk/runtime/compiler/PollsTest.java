package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.OpCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The two shapes of the poll ({@link Polls}): loops that call, and function entries, call the shared
 * {@link GuestSupport#step}; loops that do not keep the countdown inline. Both count the same steps and both
 * still let an interrupt end an endless loop.
 */
class PollsTest {
    private static final int I32 = 0x7f;

    /**
     * Functions: 0 {@code nothing}; 1 {@code callingLoop(n)} and 2 {@code plainLoop(n)}, n iterations with and
     * without a call; 3 {@code nested}: loop A { block { loop B { call } } } then loop C {}; 4 {@code spin}
     * and 5 {@code spinCalling}, endless loops without and with a call.
     */
    private static WasmModule module() {
        WasmBytes types = new WasmBytes().u(2).bytes(0x60).u(0).u(0).bytes(0x60).u(1).bytes(I32).u(0);
        int[] typeOf = {0, 1, 1, 0, 0, 0};
        WasmBytes functions = new WasmBytes().u(typeOf.length);
        for (int t : typeOf) {
            functions.u(t);
        }
        String[] names = {"nothing", "callingLoop", "plainLoop", "nested", "spin", "spinCalling"};
        WasmBytes exports = new WasmBytes().u(names.length);
        for (int i = 0; i < names.length; i++) {
            exports.name(names[i]).bytes(0x00).u(i);
        }
        // local.get 0; i32.const 1; i32.sub; local.tee 0; br_if 0
        int[] countDown = {0x20, 0, 0x41, 1, 0x6b, 0x22, 0, 0x0d, 0};
        List<WasmBytes> bodies = new ArrayList<>();
        bodies.add(new WasmBytes().u(0).bytes(0x0b));
        bodies.add(new WasmBytes().u(0).bytes(0x03, 0x40, 0x10, 0).bytes(countDown).bytes(0x0b, 0x0b));
        bodies.add(new WasmBytes().u(0).bytes(0x03, 0x40).bytes(countDown).bytes(0x0b, 0x0b));
        bodies.add(new WasmBytes().u(0).bytes(0x03, 0x40, 0x02, 0x40, 0x03, 0x40, 0x10, 0, 0x0b, 0x0b, 0x0b,
                0x03, 0x40, 0x0b, 0x0b));
        bodies.add(new WasmBytes().u(0).bytes(0x03, 0x40, 0x0c, 0, 0x0b, 0x0b));
        bodies.add(new WasmBytes().u(0).bytes(0x03, 0x40, 0x10, 0, 0x0c, 0, 0x0b, 0x0b));
        WasmBytes code = new WasmBytes().u(bodies.size());
        for (WasmBytes body : bodies) {
            code.u(body.size()).append(body);
        }
        return Parser.parse(WasmBytes.header().section(1, types).section(3, functions).section(7, exports)
                .section(10, code).toByteArray());
    }

    private static List<Integer> loopsThatCall(WasmModule m, int func) {
        List<AnnotatedInstruction> code = m.codeSection().getFunctionBody(func).instructions();
        Set<AnnotatedInstruction> found = Polls.loopsThatCall(code);
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < code.size(); i++) {
            if (found.contains(code.get(i))) {
                assertEquals(OpCode.LOOP, code.get(i).opcode());
                at.add(i);
            }
        }
        return at;
    }

    @Test
    void aLoopCallsWhenACallIsAnywhereInsideIt() {
        WasmModule m = module();
        assertEquals(List.of(0), loopsThatCall(m, 1));
        assertEquals(List.of(), loopsThatCall(m, 2));
        assertEquals(List.of(0, 2), loopsThatCall(m, 3), "loops A and B, not C after them");
        assertEquals(List.of(), loopsThatCall(m, 4));
        assertEquals(List.of(0), loopsThatCall(m, 5));
    }

    /** For the generated method of function {@code func}: how many calls to step, and countdown accesses. */
    private static int[] pollShape(CompiledClasses compiled, int func) {
        int[] shape = new int[2];
        for (byte[] bytes : compiled.classes.values()) {
            ClassNode cls = new ClassNode();
            new ClassReader(bytes).accept(cls, 0);
            for (MethodNode method : cls.methods) {
                if (!method.name.equals("f" + func)) {
                    continue;
                }
                for (AbstractInsnNode insn : method.instructions) {
                    if (insn instanceof MethodInsnNode call && call.name.equals("step")) {
                        shape[0]++;
                    } else if (insn instanceof FieldInsnNode field && field.name.equals("countdown")) {
                        shape[1]++;
                    }
                }
            }
        }
        return shape;
    }

    @Test
    void entriesAndCallingLoopsCallStepAndPlainLoopsCountInline() {
        CompiledClasses compiled = WasmCompiler.translate(module(), CompilerOptions.DEFAULTS);
        assertArrayEquals(new int[] {2, 0}, pollShape(compiled, 1), "entry and loop: step");
        assertArrayEquals(new int[] {1, 2}, pollShape(compiled, 2), "entry: step; loop: read and write inline");
        assertArrayEquals(new int[] {3, 2}, pollShape(compiled, 3), "entry, A, B: step; C inline");
    }

    private static Instance instance() {
        WasmModule m = module();
        CompiledWasm compiled = WasmCompiler.compile(m, CompilerOptions.DEFAULTS);
        return Instance.builder(m).withMachineFactory(compiled.machineFactory())
                .withMemoryFactory(compiled.memoryFactory()).build();
    }

    /** Runs {@code export(n)} and answers how many steps it counted down. */
    private static int steps(Instance instance, String export, int n) {
        GuestContext ctx = ((CompiledMachine) instance.getMachine()).context();
        ctx.countdown = GuestContext.POLL_INTERVAL; // a full interval, so that the count is not reset midway
        int before = ctx.countdown;
        instance.export(export).apply(n);
        return before - ctx.countdown;
    }

    @Test
    void bothShapesCountOneStepPerEntryAndPerIteration() {
        Instance instance = instance();
        assertEquals(1 + 300, steps(instance, "plainLoop", 300), "its entry, and each iteration inline");
        assertEquals(1 + 2 * 300, steps(instance, "callingLoop", 300), "its entry, and per iteration the "
                + "loop's step and the entry of the function it calls");
    }

    private static void interruptEnds(String export) throws Exception {
        Instance instance = instance();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        // A thread of its own: the interrupt must not reach a pooled thread other tests use.
        Thread runner = new Thread(() -> {
            try {
                instance.export(export).apply();
            } catch (Throwable t) {
                ended.set(t);
            }
        }, "poll-" + export);
        runner.start();
        Thread.sleep(100);
        runner.interrupt();
        runner.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(runner.isAlive(), export + " still runs 30 s after the interrupt");
        assertInstanceOf(ChicoryInterruptedException.class, ended.get(), export);
    }

    @Test
    void anInterruptEndsAnEndlessLoopWithoutCalls() throws Exception {
        interruptEnds("spin");
    }

    @Test
    void anInterruptEndsAnEndlessLoopThatCalls() throws Exception {
        interruptEnds("spinCalling");
    }
}
