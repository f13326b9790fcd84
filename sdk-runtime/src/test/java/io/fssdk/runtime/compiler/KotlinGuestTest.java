package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A GC language from its own compiler: {@code kotlin/counter.kt}, built by Kotlin/Wasm 2.3.0 for WASI
 * ({@code kotlin/build.sh}), whose classes are GC structs, whose collections are GC arrays and whose exceptions use
 * {@code try_table}. Every function compiles, and a run of its exports gives what Chicory's interpreter gives, call
 * for call, unsplit and with every function split.
 */
class KotlinGuestTest {
    private static byte[] wasm() throws IOException {
        try (InputStream in = KotlinGuestTest.class.getResourceAsStream("kotlin/counter.wasm")) {
            return in.readAllBytes();
        }
    }

    /** The module's one import, WASI's {@code random_get} (the hash map's seed): a fixed pattern, for both engines. */
    private static ImportValues imports() {
        return ImportValues.builder().addFunction(new ImportFunction("wasi_snapshot_preview1", "random_get",
                FunctionType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)), (instance, args) -> {
                    for (int i = 0; i < (int) args[1]; i++) {
                        instance.memory().writeByte((int) args[0] + i, (byte) (i * 31 + 7));
                    }
                    return new long[] {0};
                })).build();
    }

    private static List<String> run(Instance instance) {
        List<String> out = new ArrayList<>();
        instance.export("_initialize").apply();
        for (int i = 0; i < 3_000; i++) {
            long key = (i * 7919L) % 211;
            long count = instance.export("bump").apply(key)[0];
            if (i % 97 == 0) {
                out.add("bump(" + key + ") = " + count);
            }
        }
        out.add("total = " + instance.export("total").apply()[0]);
        for (long key : new long[] {0, 5, 210, 211, 999}) {
            out.add("describe(" + key + ") = " + instance.export("describe").apply(key)[0]);
        }
        return out;
    }

    @ParameterizedTest(name = "split budget {0} (0: not split)")
    @ValueSource(ints = {0, 16})
    void aKotlinProgramRunsCompiledAsInterpreted(int budget) throws IOException {
        CompilerOptions options = InterpreterOracle.splitBy(budget);
        WasmModule module = Parser.parse(wasm());
        CompiledWasm compiled = WasmCompiler.compile(module, options);
        assertEquals(Map.of(), compiled.interpretedReasons(), "every function compiled");
        Instance ours = Instance.builder(module).withImportValues(imports())
                .withMachineFactory(compiled.machineFactory()).withMemoryFactory(compiled.memoryFactory()).build();
        Instance interpreted = Instance.builder(Parser.parse(wasm())).withImportValues(imports())
                .withMemoryFactory(ByteArrayMemory::new).build();
        List<String> expected = run(interpreted);
        assertEquals(expected, run(ours));
        assertTrue(expected.contains("total = 3000"), expected.toString());
        assertTrue(expected.contains("describe(999) = -1"), "an exception thrown and caught: " + expected);
    }
}
