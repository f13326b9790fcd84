package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A {@code memory.atomic.wait32} whose value matches parks for its timeout, since no other thread can notify it.
 * An interrupt (what the engine's per-call deadline does) must end it at once with an interruption, not after
 * the timeout, and a short timeout must still elapse and answer "timed-out".
 */
class AtomicWaitInterruptTest {
    private static final int I32 = 0x7f;
    private static final int I64 = 0x7e;

    /** Exports {@code wait(timeout i64) -> i32}: a wait32 at address 0 for the value 0, on a shared memory. */
    private static Instance waiter() {
        WasmBytes types = new WasmBytes().u(1).bytes(0x60).u(1).bytes(I64).u(1).bytes(I32);
        WasmBytes memories = new WasmBytes().u(1).bytes(0x03).u(1).u(1); // shared, 1 to 1 page
        WasmBytes exports = new WasmBytes().u(1).name("wait").bytes(0x00).u(0);
        // i32.const 0; i32.const 0; local.get 0; memory.atomic.wait32 align=2 offset=0
        WasmBytes body = new WasmBytes().u(0).bytes(0x41, 0x00, 0x41, 0x00, 0x20, 0x00, 0xfe, 0x01, 0x02, 0x00, 0x0b);
        WasmBytes code = new WasmBytes().u(1).u(body.size()).append(body);
        WasmBytes m = WasmBytes.header();
        m.section(1, types);
        m.section(3, new WasmBytes().u(1).u(0));
        m.section(5, memories);
        m.section(7, exports);
        m.section(10, code);
        WasmModule module = Parser.parse(m.toByteArray());
        CompiledWasm compiled = WasmCompiler.compile(module, CompilerOptions.DEFAULTS);
        return Instance.builder(module).withMachineFactory(compiled.machineFactory())
                .withMemoryFactory(compiled.memoryFactory()).build();
    }

    @Test
    void aShortWaitTimesOut() {
        assertArrayEquals(new long[] {2}, waiter().export("wait").apply(1_000_000L), "2: timed out");
    }

    @Test
    void anInterruptEndsAMinuteLongWait() throws Exception {
        Instance instance = waiter();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        // A thread of its own: the interrupt must not reach a pooled thread other tests use.
        Thread runner = new Thread(() -> {
            try {
                instance.export("wait").apply(60_000_000_000L);
            } catch (Throwable t) {
                ended.set(t);
            }
        }, "atomic-wait");
        runner.start();
        while (runner.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(10);
        }
        long interrupted = System.nanoTime();
        runner.interrupt();
        runner.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(System.nanoTime() - interrupted < TimeUnit.SECONDS.toNanos(30), "ended by the interrupt");
        assertInstanceOf(ChicoryInterruptedException.class, ended.get());
    }
}
