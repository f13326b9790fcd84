package io.fssdk.runtime.component.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.fssdk.runtime.component.MalformedException;
import io.fssdk.runtime.testing.ComponentFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Decodes the real components that the guest build scripts produce. */
class FixtureTest {

    @TestFactory
    Stream<DynamicTest> decodesEveryFixture() {
        return ComponentFiles.all().stream().map(p -> dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path fixture) {
        byte[] bytes = ComponentFiles.read(fixture);
        if (!ComponentParser.isComponent(bytes) || expectRejection(fixture)) {
            assertThrows(MalformedException.class, () -> ComponentParser.parse(bytes));
            return;
        }
        ParsedComponent c = ComponentParser.parse(bytes);
        assertFalse(c.definitions().isEmpty(), fixture + " has no definitions");
        checkCoreModules(c, bytes);
    }

    /** Whether the fixture is meant to be rejected: its name contains "malformed" or "unsupported". */
    private static boolean expectRejection(Path fixture) {
        String name = fixture.getFileName().toString();
        return name.contains("malformed") || name.contains("unsupported");
    }

    /** Every core module slice, at every nesting level, is the module's exact bytes. */
    private static void checkCoreModules(ParsedComponent c, byte[] binary) {
        for (Definition d : c.definitions()) {
            if (d instanceof CoreModule m) {
                assertEquals(0x00, m.bytes().byteAt(0));
                assertEquals(0x61, m.bytes().byteAt(1));
                assertEquals(binary[m.bytes().offset() + 4] & 0xff, m.bytes().byteAt(4));
                assertTrue(m.bytes().offset() + m.bytes().length() <= binary.length);
            } else if (d instanceof NestedComponent n) {
                checkCoreModules(n.component(), binary);
            }
        }
    }

    @Test
    void decodesTheCounterGuest() {
        Path counter = ComponentFiles.all().stream()
                .filter(p -> p.endsWith(Path.of("c", "counter.wasm")))
                .findFirst().orElse(null);
        Assumptions.assumeTrue(counter != null, "examples/guests/c/counter.wasm has not been built");
        ParsedComponent c = ComponentParser.parse(ComponentFiles.read(counter));
        for (Import i : c.imports()) {
            ExternName.Interface name = (ExternName.Interface) i.name();
            assertEquals("functionstream", name.namespace());
            assertTrue(i.type() instanceof ExternType.Instance, i.toString());
        }
        List<String> exports = c.exports().stream().map(e -> e.name().text()).collect(Collectors.toList());
        assertTrue(exports.contains("fs-process"), exports.toString());
        assertTrue(c.definitions().stream().anyMatch(d -> d instanceof Canon.Lift));
        assertTrue(c.definitions().stream().anyMatch(d -> d instanceof Canon.ResourceDrop));
    }

    @Test
    void decodesTheSampleComponent() {
        ParsedComponent c = ComponentParser.parse(SampleComponent.bytes());
        assertEquals(22, c.definitions().size());
        assertEquals("test:kv/store@0.1.0", c.imports().get(0).name().text());
        assertEquals(2, c.exports().size());
        assertEquals("NameAttributes[external-id=id]", c.exports().get(1).attributes().toString());
    }
}
