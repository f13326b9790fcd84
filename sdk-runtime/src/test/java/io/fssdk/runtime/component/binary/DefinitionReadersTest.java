package io.fssdk.runtime.component.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.MalformedException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven decoding of the core instance, core type, instance, alias, import and export sections. */
class DefinitionReadersTest {
    private static final ExternName RUN = new ExternName.Plain("run");

    static Stream<Arguments> definitions() {
        return Stream.of(
                Arguments.of("core instantiate", 2,
                        Bin.of(0x00, 0x01, 2).name("env").u8(0x12, 0x00).name("m").u8(0x12, 0x03),
                        new CoreInstance.Instantiate(1, List.of(new CoreInstance.Arg("env", 0),
                                new CoreInstance.Arg("m", 3)))),
                Arguments.of("core inline exports", 2,
                        Bin.of(0x01, 2).name("memory").u8(0x02, 0x00).name("f").u8(0x00, 0x04),
                        new CoreInstance.FromExports(List.of(new CoreInstance.Export("memory", CoreSort.MEMORY, 0),
                                new CoreInstance.Export("f", CoreSort.FUNC, 4)))),
                Arguments.of("core func type", 3, Bin.of(0x60, 2, 0x7f, 0x7e, 1, 0x7d),
                        new CoreTypeDefinition(new CoreFuncType(List.of(CoreValType.I32, CoreValType.I64),
                                List.of(CoreValType.F32)))),
                Arguments.of("core module type", 3, Bin.of(0x50, 5)
                                .u8(0x01, 0x60, 0, 0)
                                .u8(0x00).name("env").name("f").u8(0x00, 0x00)
                                .u8(0x00).name("env").name("t").u8(0x01, 0x70, 0x01, 0x01, 0x02)
                                .u8(0x02, 0x10, 0x01, 0x01, 0x00)
                                .u8(0x03).name("memory").u8(0x02, 0x05, 0x00, 0x80, 0x01),
                        new CoreTypeDefinition(new CoreModuleType(List.of(
                                new CoreTypeDefinition(new CoreFuncType(List.of(), List.of())),
                                new ModuleDecl.Import("env", "f", new CoreExternType.Func(0)),
                                new ModuleDecl.Import("env", "t", new CoreExternType.Table(CoreValType.FUNCREF,
                                        new CoreLimits(1, OptionalLong.of(2), false, false))),
                                new ModuleDecl.OuterTypeAlias(1, 0),
                                new ModuleDecl.Export("memory", new CoreExternType.Memory(
                                        new CoreLimits(0, OptionalLong.of(128), false, true))))))),
                Arguments.of("core global and tag types", 3, Bin.of(0x50, 2)
                                .u8(0x03).name("g").u8(0x03, 0x7f, 0x01)
                                .u8(0x03).name("e").u8(0x04, 0x00, 0x00),
                        new CoreTypeDefinition(new CoreModuleType(List.of(
                                new ModuleDecl.Export("g", new CoreExternType.Global(CoreValType.I32, true)),
                                new ModuleDecl.Export("e", new CoreExternType.Tag(0)))))),
                Arguments.of("instantiate", 5, Bin.of(0x00, 0x00, 1).name("wasi:io/error@0.2.0").u8(0x05, 0x02),
                        new Instance.Instantiate(0, List.of(new Instance.Arg("wasi:io/error@0.2.0",
                                new SortIndex(Sort.INSTANCE, 2))))),
                Arguments.of("inline exports", 5, Bin.of(0x01, 2).externName("run").u8(0x01, 0x00)
                                .externName("m").u8(0x00, 0x11, 0x01),
                        new Instance.FromExports(List.of(
                                new Instance.Export(RUN, NameAttributes.NONE, new SortIndex(Sort.FUNC, 0)),
                                new Instance.Export(new ExternName.Plain("m"), NameAttributes.NONE,
                                        new SortIndex(Sort.CORE_MODULE, 1))))),
                Arguments.of("alias export", 6, Bin.of(0x01, 0x00, 0x02).name("get"),
                        new Alias.InstanceExport(Sort.FUNC, 2, "get")),
                Arguments.of("alias core export", 6, Bin.of(0x00, 0x02, 0x01, 0x03).name("memory"),
                        new Alias.CoreInstanceExport(CoreSort.MEMORY, 3, "memory")),
                Arguments.of("alias outer", 6, Bin.of(0x00, 0x11, 0x02, 0x01, 0x04), new Alias.Outer(Sort.CORE_MODULE,
                        1, 4)),
                Arguments.of("import func", 10, Bin.of().externName("run").u8(0x01, 0x03),
                        new Import(RUN, NameAttributes.NONE, new ExternType.Func(3))),
                Arguments.of("import type eq", 10, Bin.of().externName("t").u8(0x03, 0x00, 0x01),
                        new Import(new ExternName.Plain("t"), NameAttributes.NONE,
                                new ExternType.Type(new TypeBound.Eq(1)))),
                Arguments.of("import core module", 10, Bin.of().externName("m").u8(0x00, 0x11, 0x00),
                        new Import(new ExternName.Plain("m"), NameAttributes.NONE, new ExternType.Module(0))),
                Arguments.of("import component", 10, Bin.of().externName("c").u8(0x04, 0x00),
                        new Import(new ExternName.Plain("c"), NameAttributes.NONE, new ExternType.Component(0))),
                Arguments.of("legacy 0x01 name form", 10, Bin.of(0x01).name("run").u8(0x01, 0x03),
                        new Import(RUN, NameAttributes.NONE, new ExternType.Func(3))),
                Arguments.of("name with attributes", 10, Bin.of(0x02).name("primary").u8(3)
                                .u8(0x00).name("wasi:keyvalue/store@0.2").u8(0x01).name(".0-draft").u8(0x02)
                                        .name("db:a")
                                .u8(0x05, 0x00),
                        new Import(new ExternName.Plain("primary"), new NameAttributes(
                                Optional.of(new ExternName.Interface("wasi", "keyvalue", "store", Optional.of("0.2"))),
                                Optional.of(".0-draft"), Optional.of("db:a")), new ExternType.Instance(0))),
                Arguments.of("export", 11, Bin.of().externName("run").u8(0x01, 0x02, 0x00),
                        new Export(RUN, NameAttributes.NONE, new SortIndex(Sort.FUNC, 2), Optional.empty())),
                Arguments.of("export with type", 11, Bin.of().externName("run").u8(0x01, 0x02, 0x01, 0x01, 0x05),
                        new Export(RUN, NameAttributes.NONE, new SortIndex(Sort.FUNC, 2),
                                Optional.of(new ExternType.Func(5)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitions")
    void decodesDefinitions(String name, int section, Bin encoding, Definition expected) {
        List<Definition> defs = ComponentParser.parse(Bin.component(Bin.vecSection(section, encoding))).definitions();
        assertEquals(List.of(expected), defs);
    }

    static Stream<Arguments> badDefinitions() {
        return Stream.of(
                Arguments.of("core instantiate arg of a func", 2, Bin.of(0x00, 0x00, 1).name("a").u8(0x00, 0x00),
                        "core instantiation argument sort"),
                Arguments.of("core instance opcode", 2, Bin.of(0x02), "invalid byte 0x02 for core instance"),
                Arguments.of("core sort", 2, Bin.of(0x01, 1).name("x").u8(0x05, 0x00),
                        "invalid byte 0x05 for core sort"),
                Arguments.of("instance opcode", 5, Bin.of(0x02), "invalid byte 0x02 for instance"),
                Arguments.of("sort", 5, Bin.of(0x01, 1).externName("x").u8(0x06, 0x00), "invalid byte 0x06 for sort"),
                Arguments.of("alias target", 6, Bin.of(0x01, 0x03, 0x00), "invalid byte 0x03 for alias target"),
                Arguments.of("core export alias of a component sort", 6, Bin.of(0x01, 0x01, 0x00).name("f"),
                        "a core export alias needs a core sort, not `func`"),
                Arguments.of("core module extern type", 10, Bin.of().externName("m").u8(0x00, 0x10, 0x00),
                        "core extern type (only module, 0x11)"),
                Arguments.of("type bound", 10, Bin.of().externName("t").u8(0x03, 0x02),
                        "invalid byte 0x02 for type bound"),
                Arguments.of("name form", 10, Bin.of(0x03).name("x").u8(0x01, 0x00),
                        "invalid byte 0x03 for import or export name"),
                Arguments.of("duplicate attribute", 10, Bin.of(0x02).name("x").u8(2, 0x02).name("a").u8(0x02).name("b"),
                        "duplicate `external-id` attribute"),
                Arguments.of("implements a plain name", 10, Bin.of(0x02).name("x").u8(1, 0x00).name("y"),
                        "`implements` needs an interface name"),
                Arguments.of("bad version suffix", 10, Bin.of(0x02).name("x").u8(1, 0x01).name("a b"),
                        "invalid version suffix"),
                Arguments.of("invalid name", 10, Bin.of().externName("Hello World").u8(0x01, 0x00),
                        "invalid extern name `Hello World`"),
                Arguments.of("export type ascription byte", 11, Bin.of().externName("run").u8(0x01, 0x02, 0x02),
                        "export type ascription"),
                Arguments.of("core table of i32", 3,
                        Bin.of(0x50, 1, 0x00).name("a").name("b").u8(0x01, 0x7f, 0x00, 0x01),
                        "table element type must be a reference type"),
                Arguments.of("core limits flags", 3, Bin.of(0x50, 1, 0x03).name("m").u8(0x02, 0x10, 0x00),
                        "invalid byte 0x10 for limits"),
                Arguments.of("core global mutability", 3, Bin.of(0x50, 1, 0x03).name("g").u8(0x03, 0x7f, 0x05),
                        "global mutability"),
                Arguments.of("core tag attribute", 3, Bin.of(0x50, 1, 0x03).name("t").u8(0x04, 0x01, 0x00),
                        "tag attribute"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDefinitions")
    void rejectsMalformedDefinitions(String name, int section, Bin encoding, String message) {
        MalformedException e = assertThrows(MalformedException.class,
                () -> ComponentParser.parse(Bin.component(Bin.vecSection(section, encoding))));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
