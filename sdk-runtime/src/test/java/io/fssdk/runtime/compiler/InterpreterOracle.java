package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.runtime.WasmException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;

/**
 * A test module (a test resource) instantiated twice: compiled by ours, and in Chicory's interpreter, the
 * oracle. {@link #call} describes what a call gave, so that the two can be compared call for call.
 */
final class InterpreterOracle {
    final Instance ours;
    final Instance interpreted;

    InterpreterOracle(String resource, CompilerOptions options) throws IOException {
        WasmModule m = parse(resource);
        CompiledWasm compiled = WasmCompiler.compile(m, options);
        assertEquals(Map.of(), compiled.interpretedReasons(), "every function compiled");
        ours = Instance.builder(m).withMachineFactory(compiled.machineFactory())
                .withMemoryFactory(compiled.memoryFactory()).build();
        interpreted = Instance.builder(parse(resource)).withMemoryFactory(ByteArrayMemory::new).build();
    }

    private static WasmModule parse(String resource) throws IOException {
        try (InputStream in = InterpreterOracle.class.getResourceAsStream(resource)) {
            return Parser.parse(in.readAllBytes());
        }
    }

    /** The options of a test parameterized by split budget: the defaults for 0, else every function split. */
    static CompilerOptions splitBy(int budget) {
        return budget == 0 ? CompilerOptions.DEFAULTS : CompilerOptions.splittingEverything(budget);
    }

    /** What one call gave: its results, or the kind of throwable it ended with. */
    static String call(Instance instance, String export, long... args) {
        String head = export + Arrays.toString(args) + " = ";
        try {
            long[] r = instance.export(export).apply(args);
            return head + (r == null || r.length == 0 ? "void" : Arrays.toString(r));
        } catch (WasmException e) {
            return head + "exception tag " + e.tagIdx() + " " + Arrays.toString(e.args());
        } catch (TrapException e) {
            return head + "trap";
        }
    }
}
