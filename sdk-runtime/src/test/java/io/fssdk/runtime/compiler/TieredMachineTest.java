package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Background compilation: an instance runs in the interpreter while its module compiles, moves to compiled code
 * at its first call after that, and stays interpreted (and correct) when compiling fails.
 */
class TieredMachineTest {
    /** {@code (func (export "f") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))}. */
    private static final byte[] ADD_ONE = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f,
        0x03, 0x02, 0x01, 0x00,
        0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00,
        0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x41, 0x01, 0x6a, 0x0b,
    };

    private static Instance instantiate(WasmModule module, BackgroundCompiler compiler) {
        return Instance.builder(module).withMachineFactory(compiler.machineFactory())
                .withMemoryFactory(compiler.memoryFactory()).build();
    }

    @Test
    void anInstanceMovesToCompiledCodeOnceCompilationEnds() throws InterruptedException {
        WasmModule module = Parser.parse(ADD_ONE);
        CountDownLatch release = new CountDownLatch(1);
        BackgroundCompiler compiler = BackgroundCompiler.start(() -> {
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return WasmCompiler.compile(module, CompilerOptions.DEFAULTS);
        });
        Instance instance = instantiate(module, compiler);
        TieredMachine machine = (TieredMachine) instance.getMachine();
        assertArrayEquals(new long[] {42}, instance.export("f").apply(41));
        assertFalse(machine.isCompiled(), "still compiling: the interpreter ran the call");

        release.countDown();
        CompiledWasm code = compiler.await();
        assertTrue(code.interpretedFunctions().isEmpty());
        assertArrayEquals(new long[] {8}, instance.export("f").apply(7));
        assertTrue(machine.isCompiled(), "the first call after compiling switched tiers");
        assertArrayEquals(new long[] {Integer.MIN_VALUE}, instance.export("f").apply(Integer.MAX_VALUE));
    }

    @Test
    void anInstanceStaysInterpretedWhenCompilingFails() {
        WasmModule module = Parser.parse(ADD_ONE);
        BackgroundCompiler compiler = BackgroundCompiler.start(() -> {
            throw new IllegalStateException("simulated compiler failure");
        });
        assertNull(compiler.await());
        Instance instance = instantiate(module, compiler);
        assertArrayEquals(new long[] {1}, instance.export("f").apply(0));
        assertFalse(((TieredMachine) instance.getMachine()).isCompiled());
    }
}
