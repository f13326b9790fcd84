package io.fssdk.runtime.component.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.MalformedException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TypeSectionReaderTest {
    private static final ValType T0 = new ValType.TypeRef(0);

    /** Decodes one type definition as the only entry of a type section. */
    static DefType decode(Bin type) {
        List<Definition> defs = ComponentParser.parse(Bin.component(Bin.vecSection(7, type))).definitions();
        return ((TypeDefinition) defs.get(0)).type();
    }

    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of("bool", Bin.of(0x7f), PrimValType.BOOL),
                Arguments.of("string", Bin.of(0x73), PrimValType.STRING),
                Arguments.of("record", Bin.of(0x72, 2).name("a").u8(0x79).name("b-c").u8(0x00),
                        new DefValType.RecordType(List.of(new LabeledValType("a", PrimValType.U32),
                                new LabeledValType("b-c", T0)))),
                Arguments.of("variant", Bin.of(0x71, 2).name("none").u8(0x00, 0x00).name("some").u8(0x01, 0x73, 0x00),
                        new DefValType.VariantType(List.of(new DefValType.Case("none", Optional.empty()),
                                new DefValType.Case("some", Optional.of(PrimValType.STRING))))),
                Arguments.of("list", Bin.of(0x70, 0x7d), new DefValType.ListType(PrimValType.U8)),
                Arguments.of("list of type 64 (two-byte s33)", Bin.of(0x70, 0xc0, 0x00),
                        new DefValType.ListType(new ValType.TypeRef(64))),
                Arguments.of("tuple", Bin.of(0x6f, 2, 0x78, 0x00),
                        new DefValType.TupleType(List.of(PrimValType.S64, T0))),
                Arguments.of("flags", Bin.of(0x6e, 2).name("read").name("write"),
                        new DefValType.FlagsType(List.of("read", "write"))),
                Arguments.of("enum", Bin.of(0x6d, 1).name("XML-doc"), new DefValType.EnumType(List.of("XML-doc"))),
                Arguments.of("option", Bin.of(0x6b, 0x74), new DefValType.OptionType(PrimValType.CHAR)),
                Arguments.of("result", Bin.of(0x6a, 0x01, 0x79, 0x01, 0x73),
                        new DefValType.ResultType(Optional.of(PrimValType.U32), Optional.of(PrimValType.STRING))),
                Arguments.of("bare result", Bin.of(0x6a, 0x00, 0x00),
                        new DefValType.ResultType(Optional.empty(), Optional.empty())),
                Arguments.of("own", Bin.of(0x69, 0x05), new DefValType.OwnType(5)),
                Arguments.of("borrow", Bin.of(0x68, 0x80, 0x01), new DefValType.BorrowType(128)),
                Arguments.of("func", Bin.of(0x40, 2).name("self").u8(0x01).name("bytes").u8(0x02).u8(0x00, 0x03),
                        new FuncType(List.of(new LabeledValType("self", new ValType.TypeRef(1)),
                                new LabeledValType("bytes", new ValType.TypeRef(2))),
                                        Optional.of(new ValType.TypeRef(3)))),
                Arguments.of("func without result", Bin.of(0x40, 0, 0x01, 0x00),
                        new FuncType(List.of(), Optional.empty())),
                Arguments.of("resource", Bin.of(0x3f, 0x7f, 0x00),
                        new ResourceType(CoreValType.I32, OptionalInt.empty())),
                Arguments.of("resource with dtor", Bin.of(0x3f, 0x7f, 0x01, 0x07),
                        new ResourceType(CoreValType.I32, OptionalInt.of(7))),
                Arguments.of("instance type", Bin.of(0x42, 4)
                                .u8(0x01, 0x70, 0x7d)
                                .u8(0x04).externName("store").u8(0x03, 0x01)
                                .u8(0x02, 0x03, 0x02, 0x01, 0x00)
                                .u8(0x00, 0x60, 0x01, 0x7f, 0x00),
                        new InstanceType(List.of(
                                new TypeDefinition(new DefValType.ListType(PrimValType.U8)),
                                new ExportDecl(new ExternName.Plain("store"), NameAttributes.NONE,
                                        new ExternType.Type(new TypeBound.SubResource())),
                                new Alias.Outer(Sort.TYPE, 1, 0),
                                new CoreTypeDefinition(new CoreFuncType(List.of(CoreValType.I32), List.of()))))),
                Arguments.of("component type", Bin.of(0x41, 2)
                                .u8(0x03).externName("wasi:io/error@0.2.0").u8(0x05, 0x00)
                                .u8(0x04).externName("run").u8(0x01, 0x01),
                        new ComponentType(List.of(
                                new Import(new ExternName.Interface("wasi", "io", "error", Optional.of("0.2.0")),
                                        NameAttributes.NONE, new ExternType.Instance(0)),
                                new ExportDecl(new ExternName.Plain("run"), NameAttributes.NONE,
                                        new ExternType.Func(1))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void decodesTypes(String name, Bin encoding, DefType expected) {
        assertEquals(expected, decode(encoding));
    }

    static Stream<Arguments> badTypes() {
        return Stream.of(
                Arguments.of("empty record", Bin.of(0x72, 0), "empty record type"),
                Arguments.of("empty variant", Bin.of(0x71, 0), "empty variant type"),
                Arguments.of("empty tuple", Bin.of(0x6f, 0), "empty tuple type"),
                Arguments.of("empty flags", Bin.of(0x6e, 0), "empty flags type"),
                Arguments.of("empty enum", Bin.of(0x6d, 0), "empty enum type"),
                Arguments.of("non-kebab field", Bin.of(0x72, 1).name("camelCase").u8(0x79),
                        "`camelCase` is not a valid"),
                Arguments.of("field starting with a digit", Bin.of(0x72, 1).name("1a").u8(0x79), "is not a valid"),
                Arguments.of("variant case without end byte", Bin.of(0x71, 1).name("a").u8(0x00, 0x01),
                        "invalid byte 0x01 for end of variant case"),
                Arguments.of("type opcode as value type", Bin.of(0x70, 0x72), "invalid byte 0x72 for value type"),
                Arguments.of("bad option byte", Bin.of(0x6a, 0x02), "invalid byte 0x02 for result ok type"),
                Arguments.of("named results", Bin.of(0x40, 0, 0x01, 0x01).name("a").u8(0x79),
                        "named or multiple function results"),
                Arguments.of("bad result list", Bin.of(0x40, 0, 0x02), "invalid byte 0x02 for function results"),
                Arguments.of("unknown opcode", Bin.of(0x50), "invalid byte 0x50 for type definition"),
                Arguments.of("bad resource dtor byte", Bin.of(0x3f, 0x7f, 0x02), "resource destructor"),
                Arguments.of("instance type with an import", Bin.of(0x42, 1, 0x03), "instance type declarator"),
                Arguments.of("core alias in module type", Bin.of(0x42, 1, 0x00, 0x50, 1, 0x02, 0x11, 0x01, 0, 0),
                        "core alias sort (only type, 0x10)"),
                Arguments.of("outer alias of a func", Bin.of(0x42, 1, 0x02, 0x01, 0x02, 0, 0),
                        "outer alias cannot have"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTypes")
    void rejectsMalformedTypes(String name, Bin encoding, String message) {
        MalformedException e = assertThrows(MalformedException.class, () -> decode(encoding));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void allowsThirtyTwoFlagsButNotThirtyThree() {
        Bin ok = Bin.of(0x6e, 32);
        Bin tooMany = Bin.of(0x6e, 33);
        for (int i = 0; i < 33; i++) {
            if (i < 32) {
                ok.name("f" + i);
            }
            tooMany.name("f" + i);
        }
        assertEquals(32, ((DefValType.FlagsType) decode(ok)).labels().size());
        MalformedException e = assertThrows(MalformedException.class, () -> decode(tooMany));
        assertTrue(e.getMessage().contains("too many flags: 33 (the limit is 32)"), e.getMessage());
    }

    @Test
    void capsTypeNestingDepth() {
        assertEquals(new InstanceType(List.of()), decode(nestedInstanceTypes(1)));
        decode(nestedInstanceTypes(Limits.MAX_TYPE_NESTING_DEPTH));
        MalformedException e = assertThrows(MalformedException.class,
                () -> decode(nestedInstanceTypes(Limits.MAX_TYPE_NESTING_DEPTH + 1)));
        assertTrue(e.getMessage().contains("types nested too deeply"), e.getMessage());
    }

    /** {@code depth} instance types, each declaring the next as its only type. */
    private static Bin nestedInstanceTypes(int depth) {
        Bin b = Bin.of(0x42, 0);
        for (int i = 1; i < depth; i++) {
            b = Bin.of(0x42, 1, 0x01).raw(b);
        }
        return b;
    }

    @Test
    void capsModuleTypeNestingToo() {
        // A module type inside a module type is invalid, but must still be decoded without recursing forever.
        Bin b = Bin.of(0x50, 0);
        for (int i = 1; i <= Limits.MAX_TYPE_NESTING_DEPTH; i++) {
            b = Bin.of(0x50, 1, 0x01).raw(b);
        }
        byte[] binary = Bin.component(Bin.vecSection(3, b));
        MalformedException e = assertThrows(MalformedException.class, () -> ComponentParser.parse(binary));
        assertTrue(e.getMessage().contains("types nested too deeply"), e.getMessage());
    }

    @Test
    void capsRecordFieldsBeforeAllocating() {
        MalformedException e = assertThrows(MalformedException.class,
                () -> decode(Bin.of(0x72).u32(Limits.MAX_RECORD_FIELDS + 1L)));
        assertTrue(e.getMessage().contains("too many record fields"), e.getMessage());
    }
}
