package io.fssdk.runtime.component;

import static io.fssdk.runtime.component.PrimitiveType.STRING;
import static io.fssdk.runtime.component.PrimitiveType.U32;
import static io.fssdk.runtime.component.PrimitiveType.U8;
import static io.fssdk.runtime.component.WitType.field;
import static io.fssdk.runtime.component.WitType.list;
import static io.fssdk.runtime.component.WitType.option;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fssdk.runtime.component.WitType.Case;
import java.math.BigInteger;
import java.util.BitSet;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WitValueTest {
    private static final ResourceType STORE = ResourceType.host("store", "kv");
    private static final ResourceType ITERATOR = ResourceType.host("iterator", "kv");

    @Test
    void unsignedValuesKeepTheirBits() {
        assertEquals(255, WitValue.u8(255).unsignedValue());
        assertEquals(-1, WitValue.u8(255).value());
        assertEquals(65535, WitValue.u16(65535).unsignedValue());
        assertEquals(4294967295L, WitValue.u32(-1).unsignedValue());
        assertEquals(new BigInteger("18446744073709551615"), WitValue.u64(-1).unsignedValue());
        assertThrows(IllegalArgumentException.class, () -> WitValue.u8(256));
        assertThrows(IllegalArgumentException.class, () -> WitValue.u8(-1));
        assertThrows(IllegalArgumentException.class, () -> WitValue.s8(128));
        assertThrows(IllegalArgumentException.class, () -> WitValue.s16(-32769));
        assertThrows(IllegalArgumentException.class, () -> WitValue.u16(65536));
    }

    @ParameterizedTest
    @ValueSource(ints = {0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x110000, -1})
    void charRejectsNonScalarValues(int codePoint) {
        assertThrows(IllegalArgumentException.class, () -> WitValue.character(codePoint));
    }

    @Test
    void stringRejectsLoneSurrogates() {
        assertThrows(IllegalArgumentException.class, () -> WitValue.string("a\ud800"));
        assertThrows(IllegalArgumentException.class, () -> WitValue.string("\udc00b"));
        assertEquals("\ud83d\ude00", WitValue.string("\ud83d\ude00").value());
    }

    @Test
    void bytesAreCopiedAndComparedByContent() {
        byte[] data = {1, 2};
        WitValue.Bytes b = WitValue.bytes(data);
        data[0] = 9;
        assertArrayEquals(new byte[] {1, 2}, b.bytes());
        b.bytes()[1] = 9;
        assertEquals(WitValue.bytes(new byte[] {1, 2}), b);
        assertEquals(WitValue.bytes(new byte[] {1, 2}).hashCode(), b.hashCode());
        assertEquals(2, b.length());
    }

    @Test
    void flagsAreCopiedAndMayExceed32Labels() {
        BitSet bits = new BitSet();
        bits.set(40);
        WitValue.Flags f = new WitValue.Flags(bits);
        bits.set(1);
        assertFalse(f.isSet(1));
        f.bits().set(2);
        assertEquals(WitValue.flags(40), f);
        assertThrows(IllegalArgumentException.class, () -> WitValue.flags(-1));
    }

    static Stream<Arguments> mismatches() {
        WitType rec = WitType.record(field("a", U32), field("b", list(STRING)));
        return Stream.of(
                Arguments.of(WitValue.string("x"), U32, "expected u32, found string"),
                Arguments.of(WitValue.record(WitValue.string("x"), WitValue.list()), rec,
                        "field `a`: expected u32, found string"),
                Arguments.of(WitValue.record(WitValue.u32(1), WitValue.list(WitValue.string("ok"), WitValue.u8(1))), rec,
                        "field `b`, element 1: expected string, found u8"),
                Arguments.of(WitValue.record(WitValue.u32(1)), rec, "expected 2 fields for " + rec.wit() + ", found 1"),
                Arguments.of(WitValue.bytes(new byte[1]), list(U32), "expected list<u32>, found list<u8>"),
                Arguments.of(WitValue.some(WitValue.u8(1)), option(U32), "case `some`: expected u32, found u8"),
                Arguments.of(WitValue.variant(1, WitValue.u8(1)), WitType.variant(Case.of("a", U8), Case.of("b")),
                        "case `b`: expected no payload, found u8"),
                Arguments.of(WitValue.variant(0), WitType.variant(Case.of("a", U8), Case.of("b")),
                        "case `a`: expected a payload of type u8, found none"),
                Arguments.of(WitValue.variant(2), WitType.variant(Case.of("a"), Case.of("b")),
                        "expected a case index below 2 for variant { a, b }, found 2"),
                Arguments.of(WitValue.enumCase(3), WitType.enumOf("a"), "expected a case index below 1 for enum { a }, found 3"),
                Arguments.of(WitValue.err(WitValue.u8(1)), WitType.result(U8, STRING), "case `error`: expected string, found u8"),
                Arguments.of(WitValue.flags(3), WitType.flags("a", "b"), "expected flag indices below 2, found flag 3"),
                Arguments.of(WitValue.own(ResourceHandle.own(ITERATOR, "i")), new WitType.OwnType(STORE),
                        "expected own<store> of store (kv), found own<iterator> of iterator (kv)"),
                Arguments.of(WitValue.own(ResourceHandle.borrow(STORE, "s")), new WitType.OwnType(STORE),
                        "expected own<store>, found a borrowed handle"),
                Arguments.of(WitValue.tuple(WitValue.u8(1), WitValue.u8(2)), WitType.tuple(U8, U32),
                        "element 1: expected u32, found u8"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("mismatches")
    void checkReportsThePath(WitValue value, WitType type, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WitValues.check(value, type));
        assertEquals(message, e.getMessage());
    }

    @Test
    void checkAcceptsWellTypedValues() {
        WitType t = WitType.record(field("k", list(U8)), field("v", option(WitType.result(U32, STRING))));
        WitValues.check(WitValue.record(WitValue.bytes(new byte[2]), WitValue.some(WitValue.ok(WitValue.u32(1)))), t);
        WitValues.check(WitValue.record(WitValue.list(WitValue.u8(1)), WitValue.none()), t);
        WitValues.check(new WitValue.ResultValue(true, Optional.empty()),
                new WitType.ResultType(Optional.empty(), Optional.of(STRING)));
        WitValues.check(WitValue.borrow(ResourceHandle.borrow(STORE, "s")), new WitType.BorrowType(STORE));
    }
}
