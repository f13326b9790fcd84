package io.fssdk.runtime.component.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.fssdk.runtime.testing.ComponentFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The core modules of every component fixture (this module's test resources and the example guests,
 * nested components included) are unified, and each result still parses in Chicory with the shared type
 * section.
 */
class ComponentFixturesTest {

    @TestFactory
    Stream<DynamicTest> everyFixtureUnifies() {
        List<Path> fixtures = CoreFixtures.components();
        assertTrue(fixtures.stream().anyMatch(p -> p.endsWith("qjs.wasm")), "the componentize-qjs fixture is there");
        return fixtures.stream().map(p -> dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path fixture) {
        List<byte[]> modules = CoreFixtures.coreModules(ComponentFiles.read(fixture));
        List<byte[]> out = TypeUnifier.unify(modules);
        assertEquals(modules.size(), out.size());
        List<?> union = null;
        for (int i = 0; i < out.size(); i++) {
            WasmModule before = Parser.parse(modules.get(i));
            WasmModule after = Parser.parse(out.get(i));
            List<?> types = Arrays.asList(after.typeSection().types());
            if (union == null) {
                union = types;
            }
            assertEquals(union, types, "module " + i + " has the shared type section");
            assertEquals(before.functionSection().functionCount(), after.functionSection().functionCount());
            for (int f = 0; f < before.functionSection().functionCount(); f++) {
                assertEquals(before.typeSection().getType(before.functionSection().getFunctionType(f)),
                        after.typeSection().getType(after.functionSection().getFunctionType(f)),
                        "module " + i + ", function " + f + " keeps its type");
            }
        }
        List<byte[]> again = TypeUnifier.unify(out);
        for (int i = 0; i < out.size(); i++) {
            assertSame(out.get(i), again.get(i), "a second pass changes nothing");
        }
    }
}
