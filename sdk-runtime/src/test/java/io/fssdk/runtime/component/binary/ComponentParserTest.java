package io.fssdk.runtime.component.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.MalformedException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ComponentParserTest {

    static Stream<Arguments> badPreambles() {
        return Stream.of(
                Arguments.of("empty", new int[] {}, "unexpected end while reading the preamble", 0),
                Arguments.of("short", new int[] {0x00, 0x61, 0x73}, "unexpected end while reading the preamble", 0),
                Arguments.of("bad magic", new int[] {0x00, 0x61, 0x73, 0x6e, 0x0d, 0, 1, 0}, "bad magic", 0),
                Arguments.of("core module", new int[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0, 0, 0},
                        "a core module, not a component", 0),
                Arguments.of("unknown layer", new int[] {0x00, 0x61, 0x73, 0x6d, 0x0d, 0, 2, 0},
                        "unknown binary layer 0x0002", 6),
                Arguments.of("old version", new int[] {0x00, 0x61, 0x73, 0x6d, 0x0c, 0, 1, 0},
                        "unsupported component binary version 0x000c (expected 0x000d)", 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPreambles")
    void rejectsBadPreambles(String why, int[] bytes, String message, int offset) {
        MalformedException e = assertThrows(MalformedException.class,
                () -> ComponentParser.parse(Bin.of(bytes).bytes()));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(offset, e.offset());
    }

    @Test
    void parsesAnEmptyComponent() {
        ParsedComponent c = ComponentParser.parse(Bin.component());
        assertEquals(List.of(), c.definitions());
        assertTrue(ComponentParser.isComponent(Bin.component()));
        assertFalse(ComponentParser.isComponent(Bin.CORE_MODULE));
        assertFalse(ComponentParser.isComponent(new byte[3]));
    }

    @Test
    void keepsCoreModulesAsSlicesWithAbsoluteOffsets() {
        byte[] module = Bin.of().raw(Bin.CORE_MODULE).u8(0x00, 0x03, 0x01, 0x61, 0x7a).bytes();
        byte[] binary = Bin.component(Bin.section(1, Bin.of().raw(module)));
        ParsedComponent c = ComponentParser.parse(binary);
        CoreModule m = assertInstanceOf(CoreModule.class, c.definitions().get(0));
        assertEquals(10, m.bytes().offset());
        assertEquals(10, c.offsetOf(0));
        assertArrayEquals(module, m.bytes().toByteArray());
        // The parser works on its own copy: changing the input afterwards changes nothing.
        binary[12] = 0x55;
        assertArrayEquals(module, m.bytes().toByteArray());
    }

    @Test
    void rejectsAnEmbeddedModuleWithoutACorePreamble() {
        MalformedException e = assertThrows(MalformedException.class,
                () -> ComponentParser.parse(Bin.component(Bin.section(1, Bin.of().raw(Bin.PREAMBLE)))));
        assertTrue(e.getMessage().contains("embedded core module has unsupported version"), e.getMessage());
        assertEquals(14, e.offset());
        assertThrows(MalformedException.class,
                () -> ComponentParser.parse(Bin.component(Bin.section(1, Bin.of(0x00, 0x61)))));
    }

    @Test
    void keepsCustomSectionsInOrderAmongDefinitions() {
        byte[] binary = Bin.component(
                Bin.section(0, Bin.of().name("first").u8(1, 2, 3)),
                Bin.vecSection(7, Bin.of(0x79)),
                Bin.section(0, Bin.of().name("second")),
                Bin.vecSection(7, Bin.of(0x73)));
        List<Definition> defs = ComponentParser.parse(binary).definitions();
        assertEquals(4, defs.size());
        CustomSection first = assertInstanceOf(CustomSection.class, defs.get(0));
        assertEquals("first", first.name());
        assertArrayEquals(new byte[] {1, 2, 3}, first.data().toByteArray());
        assertEquals(new TypeDefinition(PrimValType.U32), defs.get(1));
        assertEquals(0, assertInstanceOf(CustomSection.class, defs.get(2)).data().length());
        assertEquals(new TypeDefinition(PrimValType.STRING), defs.get(3));
    }

    @Test
    void parsesNestedComponentsWithTheirOwnDefinitions() {
        Bin inner = Bin.of().raw(Bin.PREAMBLE).raw(Bin.vecSection(7, Bin.of(0x7f)));
        byte[] binary = Bin.component(Bin.section(4, inner), Bin.vecSection(7, Bin.of(0x7e)));
        ParsedComponent c = ComponentParser.parse(binary);
        NestedComponent nested = assertInstanceOf(NestedComponent.class, c.definitions().get(0));
        assertEquals(List.of(new TypeDefinition(PrimValType.BOOL)), nested.component().definitions());
        assertEquals(List.of(21), nested.component().offsets());
        assertEquals(new TypeDefinition(PrimValType.S8), c.definitions().get(1));
    }

    @Test
    void capsComponentNesting() {
        Bin b = Bin.of().raw(Bin.PREAMBLE);
        for (int i = 0; i < Limits.MAX_COMPONENT_NESTING_DEPTH; i++) {
            b = Bin.of().raw(Bin.PREAMBLE).raw(Bin.section(4, b));
        }
        ComponentParser.parse(b.bytes());
        byte[] tooDeep = Bin.of().raw(Bin.PREAMBLE).raw(Bin.section(4, b)).bytes();
        MalformedException e = assertThrows(MalformedException.class, () -> ComponentParser.parse(tooDeep));
        assertTrue(e.getMessage().contains("components nested too deeply"), e.getMessage());
    }

    @Test
    void rejectsNestedComponentThatIsACoreModule() {
        MalformedException e = assertThrows(MalformedException.class,
                () -> ComponentParser.parse(Bin.component(Bin.section(4, Bin.of().raw(Bin.CORE_MODULE)))));
        assertTrue(e.getMessage().contains("a core module, not a component"), e.getMessage());
        assertEquals(10, e.offset());
    }

    static Stream<Arguments> badSections() {
        return Stream.of(
                Arguments.of("unknown section id", Bin.of(13, 0), "invalid byte 0x0d for section id"),
                Arguments.of("size past the end", Bin.of(7, 5, 0), "section size 5 exceeds the 1 bytes left"),
                Arguments.of("trailing bytes", Bin.of(7, 3, 1, 0x79, 0x79), "types section has 1 unexpected trailing"),
                Arguments.of("entry past its section", Bin.of(7, 2, 1, 0x72, 0x01, 0x61), "unexpected end"),
                Arguments.of("count past the end", Bin.of(7, 2, 5, 0x79), "number of types (5) exceeds"),
                Arguments.of("missing size", Bin.of(7), "unexpected end while reading size of section"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSections")
    void rejectsMalformedSections(String why, Bin section, String message) {
        MalformedException e = assertThrows(MalformedException.class,
                () -> ComponentParser.parse(Bin.component(section)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void recordsTheOffsetOfEveryDefinition() {
        byte[] binary = Bin.component(Bin.vecSection(7, Bin.of(0x79), Bin.of(0x70, 0x79)));
        assertEquals(List.of(11, 12), ComponentParser.parse(binary).offsets());
    }

    @Test
    void capsTheNumberOfSections() {
        Bin b = Bin.of().raw(Bin.PREAMBLE);
        for (int i = 0; i <= Limits.MAX_SECTIONS; i++) {
            b.u8(0, 1, 0);
        }
        byte[] binary = b.bytes();
        MalformedException e = assertThrows(MalformedException.class, () -> ComponentParser.parse(binary));
        assertTrue(e.getMessage().contains("too many sections"), e.getMessage());
    }

    @Test
    void listsImportsAndExports() {
        byte[] binary = Bin.component(
                Bin.vecSection(10, Bin.of().externName("wasi:cli/stdout@0.2.0").u8(0x05).u32(0)),
                Bin.vecSection(11, Bin.of().externName("run").u8(0x01).u32(0).u8(0x00)));
        ParsedComponent c = ComponentParser.parse(binary);
        assertEquals("wasi:cli/stdout@0.2.0", c.imports().get(0).name().text());
        assertEquals("run", c.exports().get(0).name().text());
    }
}
