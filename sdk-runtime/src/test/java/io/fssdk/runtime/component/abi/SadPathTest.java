package io.fssdk.runtime.component.abi;

import static io.fssdk.runtime.component.PrimitiveType.BOOL;
import static io.fssdk.runtime.component.PrimitiveType.CHAR;
import static io.fssdk.runtime.component.PrimitiveType.F32;
import static io.fssdk.runtime.component.PrimitiveType.F64;
import static io.fssdk.runtime.component.PrimitiveType.S8;
import static io.fssdk.runtime.component.PrimitiveType.STRING;
import static io.fssdk.runtime.component.PrimitiveType.U16;
import static io.fssdk.runtime.component.PrimitiveType.U32;
import static io.fssdk.runtime.component.PrimitiveType.U8;
import static io.fssdk.runtime.component.WitType.list;
import static io.fssdk.runtime.component.WitType.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.WitType;
import io.fssdk.runtime.component.WitValue;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the guest can get wrong traps; what the spec tolerates (bool > 1, extra flag bits) does not. */
class SadPathTest {
    private static final int END = AbiFixture.MEMORY_SIZE;

    /** Flat values a guest might hand over, each of which must trap with a reason containing the fragment. */
    static Stream<Arguments> flatTraps() {
        return Stream.of(
                Arguments.of(CHAR, new long[] {0xD800}, "invalid char"),
                Arguments.of(CHAR, new long[] {0xDFFF}, "invalid char"),
                Arguments.of(CHAR, new long[] {0x110000}, "invalid char"),
                Arguments.of(CHAR, new long[] {0xFFFF_FFFFL}, "invalid char"),
                Arguments.of(option(U32), new long[] {2, 0}, "discriminant 2 out of range"),
                Arguments.of(option(U32), new long[] {-1, 0}, "discriminant 4294967295 out of range"),
                Arguments.of(WitType.enumOf("a", "b", "c"), new long[] {3}, "discriminant 3"),
                Arguments.of(list(U32), new long[] {18, 1}, "misaligned list pointer 18"),
                Arguments.of(list(U8), new long[] {END - 2, 3}, "out of bounds list"),
                Arguments.of(list(U8), new long[] {0xFFFF_FFF0L, 4}, "out of bounds list"),
                Arguments.of(list(U8), new long[] {16, 1 << 28}, "exceeds the limit"),
                Arguments.of(list(U32), new long[] {16, 1 << 26}, "exceeds the limit"),
                Arguments.of(STRING, new long[] {END - 1, 2}, "out of bounds string"),
                Arguments.of(STRING, new long[] {16, 1 << 28}, "exceeds the limit"),
                Arguments.of(STRING, new long[] {16, 0x8000_0000L}, "exceeds the limit"));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("flatTraps")
    void liftingBadFlatValuesTraps(WitType type, long[] flat, String reason) {
        AbiFixture f = new AbiFixture();
        TrapException e = assertThrows(TrapException.class,
                () -> CanonicalAbi.liftParams(FunctionAbi.of(List.of(type), List.of()), f.cx, flat));
        assertTrue(e.reason().contains(reason), e.getMessage());
        assertEquals(AbiFixture.FUNCTION, e.function());
    }

    @Test
    void badDiscriminantInMemoryTraps() {
        AbiFixture f = new AbiFixture();
        AbiType wide = AbiType.of(RoundTripTest.wide(300));
        f.memory.write16(32, (short) 300);
        TrapException e = assertThrows(TrapException.class, () -> Lifter.load(f.cx, wide, 32));
        assertTrue(e.reason().contains("discriminant 300 out of range"), e.reason());
        f.memory.write8(40, (byte) 2);
        assertThrows(TrapException.class, () -> Lifter.load(f.cx, AbiType.of(WitType.result(U8, U8)), 40));
    }

    @Test
    void boolIsTrueForAnyNonzeroValue() {
        AbiFixture f = new AbiFixture();
        AbiType t = AbiType.of(BOOL);
        assertEquals(WitValue.bool(true), Lifter.liftFlat(f.cx, t, new FlatCursor(new long[] {2})));
        assertEquals(WitValue.bool(true), Lifter.liftFlat(f.cx, t, new FlatCursor(new long[] {0x8000_0000L})));
        f.memory.write8(20, (byte) 0xFF);
        assertEquals(WitValue.bool(true), Lifter.load(f.cx, t, 20));
        assertEquals(WitValue.bool(false), Lifter.load(f.cx, t, 21));
    }

    @Test
    void narrowIntegersIgnoreUnusedHighBits() {
        AbiFixture f = new AbiFixture();
        assertEquals(WitValue.u8(0xFF), Lifter.liftFlat(f.cx, AbiType.of(U8), new FlatCursor(new long[] {0x1FF})));
        assertEquals(WitValue.s8(-128), Lifter.liftFlat(f.cx, AbiType.of(S8), new FlatCursor(new long[] {0x180})));
        assertEquals(WitValue.u16(0xFFFF), Lifter.liftFlat(f.cx, AbiType.of(U16), new FlatCursor(new long[] {-1})));
    }

    @Test
    void flagBitsBeyondTheLabelsAreIgnored() {
        // The spec's unpack_flags_from_int reads one bit per label and ignores the rest; it does not trap.
        AbiFixture f = new AbiFixture();
        AbiType three = AbiType.of(WitType.flags("a", "b", "c"));
        assertEquals(WitValue.flags(0, 1, 2), Lifter.liftFlat(f.cx, three, new FlatCursor(new long[] {0xFF})));
        f.memory.write8(20, (byte) 0xFA);
        assertEquals(WitValue.flags(1), Lifter.load(f.cx, three, 20));
        AbiType wide = AbiType.of(RoundTripTest.flags(33));
        assertEquals(WitValue.flags(0, 32), Lifter.liftFlat(f.cx, wide, new FlatCursor(new long[] {1, 0xFFFF_FFFFL})));
    }

    @Test
    void nanIsCanonicalizedBothWays() {
        AbiFixture f = new AbiFixture();
        float payloadNan = Float.intBitsToFloat(0x7fa00001);
        WitValue lifted = Lifter.liftFlat(f.cx, AbiType.of(F32),
                new FlatCursor(new long[] {0xffa00001L}));
        assertEquals(0x7fc00000, Float.floatToRawIntBits(((WitValue.F32) lifted).value()));
        long[] flat = new long[1];
        Lowerer.lowerFlat(f.cx, AbiType.of(F32), WitValue.f32(payloadNan),
                new FlatCursor(flat));
        assertEquals(0x7fc00000L, flat[0]);
        f.memory.write64(24, 0xfff0000000000001L);
        WitValue d = Lifter.load(f.cx, AbiType.of(F64), 24);
        assertEquals(0x7ff8000000000000L, Double.doubleToRawLongBits(((WitValue.F64) d).value()));
    }

    @Test
    void reallocReturningABadPointerTraps() {
        AbiFixture f = new AbiFixture();
        AbiContext misaligned = new AbiContext("f", CanonicalOptions.of(StringEncoding.UTF8, f.memory, (p, o, a, n) -> 2),
                f.tables, f.scope);
        TrapException e = assertThrows(TrapException.class, () -> Lowerer.lowerFlat(misaligned, AbiType.of(list(U32)),
                WitValue.list(WitValue.u32(1)), new FlatCursor(new long[2])));
        assertTrue(e.reason().contains("misaligned"), e.reason());
        AbiContext outside = new AbiContext("f", CanonicalOptions.of(StringEncoding.UTF8, f.memory, (p, o, a, n) -> END - 2),
                f.tables, f.scope);
        e = assertThrows(TrapException.class, () -> Lowerer.lowerFlat(outside, AbiType.of(STRING),
                WitValue.string("abc"), new FlatCursor(new long[2])));
        assertTrue(e.reason().contains("realloc returned out-of-bounds block"), e.reason());
    }

    @Test
    void missingMemoryOrReallocTraps() {
        AbiContext none = AbiContext.of("f", CanonicalOptions.none());
        assertThrows(TrapException.class, () -> Lifter.liftFlat(none, AbiType.of(STRING), new FlatCursor(new long[] {0, 0})));
        AbiContext noRealloc = AbiContext.of("f", CanonicalOptions.of(StringEncoding.UTF8, new ArrayMemory(64)));
        TrapException e = assertThrows(TrapException.class, () -> Lowerer.lowerFlat(noRealloc, AbiType.of(STRING),
                WitValue.string("x"), new FlatCursor(new long[2])));
        assertTrue(e.reason().contains("no realloc"), e.reason());
    }

    @Test
    void hostValuesOfTheWrongTypeAreRejected() {
        AbiFixture f = new AbiFixture();
        long[] flat = new long[4];
        assertThrows(IllegalArgumentException.class,
                () -> Lowerer.lowerFlat(f.cx, AbiType.of(U32), WitValue.string("x"), new FlatCursor(flat)));
        assertThrows(IllegalArgumentException.class,
                () -> Lowerer.lowerFlat(f.cx, AbiType.of(option(U8)), WitValue.variant(1), new FlatCursor(flat)));
        assertThrows(IllegalArgumentException.class, () -> Lowerer.lowerFlat(f.cx,
                AbiType.of(WitType.enumOf("a", "b")), WitValue.enumCase(2), new FlatCursor(flat)));
        assertThrows(IllegalArgumentException.class, () -> Lowerer.lowerFlat(f.cx,
                AbiType.of(WitType.flags("a", "b")), WitValue.flags(2), new FlatCursor(flat)));
        assertThrows(IllegalArgumentException.class, () -> Lowerer.lowerFlat(f.cx,
                AbiType.of(WitType.result(U8, U8)), WitValue.ok(), new FlatCursor(flat)));
        assertThrows(IllegalArgumentException.class, () -> Lowerer.lowerFlat(f.cx,
                AbiType.of(WitType.tuple(U8, U8)), WitValue.tuple(WitValue.u8(1)), new FlatCursor(flat)));
        assertThrows(IllegalArgumentException.class, () -> Lowerer.lowerFlat(f.cx,
                AbiType.of(list(U32)), WitValue.bytes(new byte[1]), new FlatCursor(flat)));
    }
}
