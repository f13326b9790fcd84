package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.fssdk.runtime.component.binary.ComponentParser;
import io.fssdk.runtime.component.binary.CoreModule;
import io.fssdk.runtime.component.binary.Definition;
import io.fssdk.runtime.component.binary.NestedComponent;
import io.fssdk.runtime.component.binary.ParsedComponent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Every core module of every committed guest fixture (C, QuickJS, WAT, WASI adapters) compiles with no function
 * left to an interpreter, and every generated method fits HotSpot's 8,000-byte JIT limit, so that the JVM compiles
 * all of it with default flags. Large functions are split into several methods ({@link RegionPlanner}).
 */
class FixturesCompileFullyTest {
    private static final String[] FIXTURES = {
        "/io/fssdk/runtime/component/qjs.wasm", "/io/fssdk/runtime/component/all-types.wasm",
        "/io/fssdk/runtime/component/kv-host.wasm", "/io/fssdk/runtime/component/strings.wasm",
        "/io/fssdk/runtime/component/primitives.wasm", "/io/fssdk/runtime/component/resources.wasm",
        "/io/fssdk/runtime/component/nested.wasm", "/io/fssdk/runtime/component/imports.wasm",
        "/io/fssdk/runtime/component/start.wasm", "/io/fssdk/runtime/component/big-flat.wasm",
        "/io/fssdk/runtime/component/call-rules.wasm", "/io/fssdk/runtime/wasi/cmd-wasi-0.2.0.wasm",
        "/io/fssdk/runtime/wasi/probe-wasi-0.2.12.wasm", "/io/fssdk/runtime/wasi/direct.wasm",
        "/io/fssdk/runtime/processor/hello-wasi.wasm", "/io/fssdk/runtime/processor/process-only.wasm",
        "../examples/guests/c/counter.wasm", "../examples/guests/c/counter-simd.wasm",
        "../examples/guests/c/misbehave.wasm",
        "../examples/guests/c/store-checks.wasm", "../examples/guests/js/counter.wasm",
    };

    static byte[] read(String name) throws IOException {
        if (name.startsWith("/")) {
            try (InputStream in = FixturesCompileFullyTest.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("missing fixture " + name);
                }
                return in.readAllBytes();
            }
        }
        return Files.readAllBytes(Path.of(name));
    }

    /** The core modules of a component binary, nested components included, in binary order. */
    static List<byte[]> coreModules(byte[] component) {
        List<byte[]> out = new ArrayList<>();
        collect(ComponentParser.parse(component), out);
        return out;
    }

    private static void collect(ParsedComponent c, List<byte[]> out) {
        for (Definition d : c.definitions()) {
            if (d instanceof CoreModule m) {
                out.add(m.bytes().toByteArray());
            } else if (d instanceof NestedComponent n) {
                collect(n.component(), out);
            }
        }
    }

    private static Map<String, String> interpreted(String fixture) throws IOException {
        Map<String, String> left = new TreeMap<>();
        List<byte[]> modules = coreModules(read(fixture));
        assertFalse(modules.isEmpty(), fixture);
        for (int i = 0; i < modules.size(); i++) {
            WasmModule m = Parser.parse(modules.get(i));
            CompiledWasm c = WasmCompiler.compile(m, CompilerOptions.DEFAULTS);
            for (Map.Entry<String, String> e : c.interpretedReasons().entrySet()) {
                left.put(fixture + " module " + i + " " + e.getKey(), e.getValue());
            }
            for (Map.Entry<Integer, Integer> e : c.overJitLimit().entrySet()) {
                left.put(fixture + " module " + i + " function " + e.getKey(), "over the JIT limit (" + e.getValue()
                        + " bytes)");
            }
        }
        return left;
    }

    @Test
    void noFixtureFunctionIsLeftToAnInterpreter() throws IOException {
        Map<String, String> left = new TreeMap<>();
        for (String f : FIXTURES) {
            left.putAll(interpreted(f));
        }
        assertEquals(Map.of(), left);
    }

    @Test
    @EnabledIfSystemProperty(named = "fssdk.compiler.big", matches = "true")
    void theStarlingMonkeyGuestCompilesFully() throws IOException {
        long t0 = System.nanoTime();
        Map<String, String> left = interpreted("/io/fssdk/runtime/wasi/starlingmonkey.wasm");
        System.out.println("starlingmonkey: parse + compile " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertEquals(Map.of(), left);
    }
}
