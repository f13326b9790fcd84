package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.runtime.WasmException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exception-handling proposal compiled ({@code eh/exceptions.wat}): {@code try_table} with every kind of
 * catch clause, {@code throw}, {@code throw_ref}, exceptions crossing calls and nested handlers, a trap that no
 * {@code catch_all} sees, and an exception that reaches the host. Each call runs on our compiler (unsplit, and
 * with every function cut into regions) and on Chicory's interpreter, which must agree call for call.
 */
class ExceptionHandlingTest {
    private static WasmModule module() throws IOException {
        try (InputStream in = ExceptionHandlingTest.class.getResourceAsStream("eh/exceptions.wasm")) {
            return Parser.parse(in.readAllBytes());
        }
    }

    /** What one call gave: its result, or the kind of throwable it ended with. */
    private static String call(Instance instance, String export, long arg) {
        try {
            long[] r = instance.export(export).apply(arg);
            return r == null || r.length == 0 ? "void" : Long.toString(r[0]);
        } catch (WasmException e) {
            return "exception tag " + e.tagIdx() + " " + java.util.Arrays.toString(e.args());
        } catch (TrapException e) {
            return "trap";
        }
    }

    private static List<String> run(Instance instance) {
        List<String> out = new ArrayList<>();
        for (String export : List.of("classify", "nested", "trap", "uncaught", "loop")) {
            for (long x : new long[] {0, 1, 4, 9, 10, 15, 20, 25}) {
                out.add(export + "(" + x + ") = " + call(instance, export, x));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "split budget {0} (0: not split)")
    @ValueSource(ints = {0, 4})
    void compiledCodeCatchesAsTheInterpreterDoes(int budget) throws IOException {
        WasmModule m = module();
        CompilerOptions options = budget == 0 ? CompilerOptions.DEFAULTS : CompilerOptions.splittingEverything(budget);
        CompiledWasm compiled = WasmCompiler.compile(m, options);
        assertEquals(Map.of(), compiled.interpretedReasons(), "every function compiled");
        Instance ours = Instance.builder(m).withMachineFactory(compiled.machineFactory())
                .withMemoryFactory(compiled.memoryFactory()).build();
        Instance interpreted = Instance.builder(module()).withMemoryFactory(ByteArrayMemory::new).build();
        List<String> expected = run(interpreted);
        assertEquals(expected, run(ours));
        // The oracle's own answers, as the .wat says they must be.
        assertTrue(expected.contains("classify(4) = 1112"), expected.toString());
        assertTrue(expected.contains("classify(15) = 1416"), expected.toString());
        assertTrue(expected.contains("classify(0) = 1002"), expected.toString());
        assertTrue(expected.contains("classify(25) = 1001"), expected.toString());
        assertTrue(expected.contains("trap(20) = trap"), expected.toString());
        assertTrue(expected.contains("uncaught(1) = exception tag 0 [3]"), expected.toString());
        assertTrue(expected.contains("loop(9) = 90"), expected.toString());
        assertTrue(expected.contains("nested(1) = 2003"), expected.toString());
    }
}
