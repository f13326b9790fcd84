package io.fssdk.runtime.component;

import static io.fssdk.runtime.component.PrimitiveType.STRING;
import static io.fssdk.runtime.component.PrimitiveType.U32;
import static io.fssdk.runtime.component.PrimitiveType.U8;
import static io.fssdk.runtime.component.WitType.field;
import static io.fssdk.runtime.component.WitType.list;
import static io.fssdk.runtime.component.WitType.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fssdk.runtime.component.WitType.Case;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WitTypeTest {
    private static final ResourceType STORE = ResourceType.host("store", "functionstream:core/kv@0.1.0");

    static Stream<Arguments> printed() {
        return Stream.of(
                Arguments.of(U8, "u8"),
                Arguments.of(list(U8), "list<u8>"),
                Arguments.of(WitType.record(field("a", U32)), "record { a: u32 }"),
                Arguments.of(WitType.record(field("a", U32), field("b-c", STRING)), "record { a: u32, b-c: string }"),
                Arguments.of(WitType.tuple(U8, list(STRING)), "tuple<u8, list<string>>"),
                Arguments.of(WitType.variant(Case.of("a", U32), Case.of("b")), "variant { a(u32), b }"),
                Arguments.of(WitType.enumOf("x", "y"), "enum { x, y }"),
                Arguments.of(option(U32), "option<u32>"),
                Arguments.of(WitType.result(U32, STRING), "result<u32, string>"),
                Arguments.of(new WitType.ResultType(Optional.empty(), Optional.of(STRING)), "result<_, string>"),
                Arguments.of(new WitType.ResultType(Optional.of(U8), Optional.empty()), "result<u8>"),
                Arguments.of(new WitType.ResultType(Optional.empty(), Optional.empty()), "result"),
                Arguments.of(WitType.flags("read", "write"), "flags { read, write }"),
                Arguments.of(new WitType.OwnType(STORE), "own<store>"),
                Arguments.of(new WitType.BorrowType(STORE), "borrow<store>"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("printed")
    void printsWitSyntax(WitType type, String wit) {
        assertEquals(wit, type.wit());
        assertEquals(wit, type.toString());
    }

    @Test
    void invalidTypesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new WitType.RecordType(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new WitType.TupleType(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new WitType.VariantType(List.of()));
        assertThrows(IllegalArgumentException.class, () -> WitType.enumOf());
        assertThrows(IllegalArgumentException.class, () -> WitType.flags());
        assertThrows(IllegalArgumentException.class, () -> WitType.flags("a", "a"));
        assertThrows(IllegalArgumentException.class, () -> WitType.record(field("a", U8), field("a", U32)));
        assertThrows(IllegalArgumentException.class, () -> field("", U8));
        assertThrows(NullPointerException.class, () -> list(null));
    }

    @Test
    void typesCompareStructurallyButResourcesByIdentity() {
        assertEquals(list(option(U8)), list(option(U8)));
        assertEquals(new WitType.OwnType(STORE), new WitType.OwnType(STORE));
        ResourceType twin = ResourceType.host("store", "functionstream:core/kv@0.1.0");
        assertNotEquals(new WitType.OwnType(STORE), new WitType.OwnType(twin));
        assertNotEquals(STORE, twin);
        assertEquals("store (functionstream:core/kv@0.1.0)", STORE.toString());
    }
}
