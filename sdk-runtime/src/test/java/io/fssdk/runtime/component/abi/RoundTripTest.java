package io.fssdk.runtime.component.abi;

import static io.fssdk.runtime.component.PrimitiveType.BOOL;
import static io.fssdk.runtime.component.PrimitiveType.CHAR;
import static io.fssdk.runtime.component.PrimitiveType.F32;
import static io.fssdk.runtime.component.PrimitiveType.F64;
import static io.fssdk.runtime.component.PrimitiveType.S16;
import static io.fssdk.runtime.component.PrimitiveType.S32;
import static io.fssdk.runtime.component.PrimitiveType.S64;
import static io.fssdk.runtime.component.PrimitiveType.S8;
import static io.fssdk.runtime.component.PrimitiveType.STRING;
import static io.fssdk.runtime.component.PrimitiveType.U16;
import static io.fssdk.runtime.component.PrimitiveType.U32;
import static io.fssdk.runtime.component.PrimitiveType.U64;
import static io.fssdk.runtime.component.PrimitiveType.U8;
import static io.fssdk.runtime.component.WitType.field;
import static io.fssdk.runtime.component.WitType.list;
import static io.fssdk.runtime.component.WitType.option;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fssdk.runtime.component.WitType;
import io.fssdk.runtime.component.WitType.Case;
import io.fssdk.runtime.component.WitValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lower then lift gives back the original value, for every WIT type (handles are in
 * {@link HandleTableTest}), through flat values and through memory, in all three string encodings.
 */
class RoundTripTest {
    private static final WitType.VariantType MIXED = WitType.variant(Case.of("a", U32), Case.of("b", F32),
            Case.of("c", U64), Case.of("d", F64), Case.of("e"), Case.of("f", STRING),
            Case.of("g", WitType.tuple(F32, F32)));
    private static final WitType.VariantType ERROR = WitType.variant(Case.of("not-found"),
            Case.of("io-error", STRING), Case.of("other", STRING));
    private static final WitType STORE_RESULT = new WitType.ResultType(Optional.of(option(list(U8))), Optional.of(ERROR));

    static Stream<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        add(c, BOOL, WitValue.bool(true), WitValue.bool(false));
        add(c, S8, WitValue.s8(-128), WitValue.s8(127), WitValue.s8(0));
        add(c, U8, WitValue.u8(255), WitValue.u8(0));
        add(c, S16, WitValue.s16(-32768), WitValue.s16(32767));
        add(c, U16, WitValue.u16(65535), WitValue.u16(1));
        add(c, S32, WitValue.s32(Integer.MIN_VALUE), WitValue.s32(-1));
        add(c, U32, WitValue.u32(-1), WitValue.u32(0x8000_0000));
        add(c, S64, WitValue.s64(Long.MIN_VALUE), WitValue.s64(-1));
        add(c, U64, WitValue.u64(-1L), WitValue.u64(1L << 63));
        add(c, F32, WitValue.f32(1.5f), WitValue.f32(-0.0f), WitValue.f32(Float.NEGATIVE_INFINITY),
                WitValue.f32(Float.NaN), WitValue.f32(Float.MIN_VALUE));
        add(c, F64, WitValue.f64(Math.PI), WitValue.f64(-0.0), WitValue.f64(Double.NaN));
        add(c, CHAR, WitValue.character('a'), WitValue.character(0xE9), WitValue.character(0xFFFF),
                WitValue.character(0x1F600), WitValue.character(0x10FFFF), WitValue.character(0xD7FF),
                WitValue.character(0xE000));
        add(c, STRING, WitValue.string(""), WitValue.string("hello"), WitValue.string("h\u00e9llo \u00ff"),
                WitValue.string("\u65e5\u672c\u8a9e"), WitValue.string("\ud83d\ude00 emoji"),
                WitValue.string("mixed \u00e9 \u20ac \ud83d\ude00 end"), WitValue.string("\uFFFD is genuine"));
        add(c, list(U8), WitValue.bytes(new byte[0]), WitValue.bytes(new byte[] {0, 1, (byte) 255}));
        c.add(Arguments.of(list(U8).wit() + " from list", list(U8),
                WitValue.list(WitValue.u8(7), WitValue.u8(200)), WitValue.bytes(new byte[] {7, (byte) 200})));
        add(c, list(U32), WitValue.list(), WitValue.list(WitValue.u32(1), WitValue.u32(-1)));
        add(c, list(STRING), WitValue.list(WitValue.string("a"), WitValue.string("\u00e9\u65e5")));
        add(c, list(list(U16)), WitValue.list(WitValue.list(WitValue.u16(1)), WitValue.list()));
        add(c, list(WitType.tuple(U8, U64)), WitValue.list(WitValue.tuple(WitValue.u8(1), WitValue.u64(2)),
                WitValue.tuple(WitValue.u8(3), WitValue.u64(-4))));
        add(c, WitType.record(field("a", U8), field("b", U32)), WitValue.record(WitValue.u8(9), WitValue.u32(77)));
        add(c, WitType.record(field("s", STRING), field("c", CHAR), field("x", F64), field("k", list(U8))),
                WitValue.record(WitValue.string("k\u00e9y"), WitValue.character(0x1F600), WitValue.f64(2.5),
                        WitValue.bytes(new byte[] {1, 2})));
        add(c, WitType.tuple(U8, STRING, F64), WitValue.tuple(WitValue.u8(1), WitValue.string("t"), WitValue.f64(1e300)));
        add(c, MIXED, WitValue.variant(0, WitValue.u32(-2)), WitValue.variant(1, WitValue.f32(-1.25f)),
                WitValue.variant(2, WitValue.u64(-3L)), WitValue.variant(3, WitValue.f64(6.5)), WitValue.variant(4),
                WitValue.variant(5, WitValue.string("\u00e9")),
                WitValue.variant(6, WitValue.tuple(WitValue.f32(1f), WitValue.f32(2f))));
        add(c, WitType.enumOf("red", "green", "blue"), WitValue.enumCase(0), WitValue.enumCase(2));
        add(c, wide(300), WitValue.variant(299, WitValue.u32(42)), WitValue.variant(0));
        add(c, option(U32), WitValue.some(WitValue.u32(5)), WitValue.none());
        add(c, option(option(STRING)), WitValue.some(WitValue.some(WitValue.string("x"))),
                WitValue.some(WitValue.none()), WitValue.none());
        add(c, WitType.result(U32, STRING), WitValue.ok(WitValue.u32(1)), WitValue.err(WitValue.string("bad")));
        add(c, new WitType.ResultType(Optional.empty(), Optional.of(STRING)), WitValue.ok(),
                WitValue.err(WitValue.string("e")));
        add(c, new WitType.ResultType(Optional.of(F32), Optional.empty()), WitValue.ok(WitValue.f32(3f)), WitValue.err());
        add(c, new WitType.ResultType(Optional.empty(), Optional.empty()), WitValue.ok(), WitValue.err());
        add(c, WitType.result(F32, F64), WitValue.ok(WitValue.f32(0.5f)), WitValue.err(WitValue.f64(-0.5)));
        add(c, STORE_RESULT, WitValue.ok(WitValue.some(WitValue.bytes(new byte[] {1, 2, 3}))),
                WitValue.ok(WitValue.none()), WitValue.err(WitValue.variant(0)),
                WitValue.err(WitValue.variant(1, WitValue.string("disk"))));
        add(c, WitType.flags("a", "b", "c"), WitValue.flags(), WitValue.flags(0, 2));
        add(c, flags(16), WitValue.flags(15), WitValue.flags(0, 8));
        add(c, flags(32), WitValue.flags(31, 0));
        add(c, flags(33), WitValue.flags(32), WitValue.flags(0, 31, 32));
        add(c, flags(65), WitValue.flags(64, 63, 32, 31, 0), WitValue.flags());
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void throughFlatValues(String name, WitType type, WitValue value, WitValue expected) {
        for (StringEncoding encoding : StringEncoding.values()) {
            AbiFixture f = new AbiFixture(encoding);
            AbiType t = AbiType.of(type);
            long[] flat = new long[t.flatCount()];
            FlatCursor out = new FlatCursor(flat);
            Lowerer.lowerFlat(f.cx, t, value, out);
            assertEquals(t.flatCount(), out.position(), "flat values written");
            FlatCursor in = new FlatCursor(flat);
            assertEquals(expected, Lifter.liftFlat(f.cx, t, in), encoding.name());
            assertEquals(t.flatCount(), in.position(), "flat values read");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void throughMemory(String name, WitType type, WitValue value, WitValue expected) {
        for (StringEncoding encoding : StringEncoding.values()) {
            AbiFixture f = new AbiFixture(encoding);
            AbiType t = AbiType.of(type);
            int ptr = f.place(t);
            Lowerer.store(f.cx, t, value, ptr);
            assertEquals(expected, Lifter.load(f.cx, t, ptr), encoding.name());
        }
    }

    private static void add(List<Arguments> c, WitType type, WitValue... values) {
        for (WitValue v : values) {
            String wit = type.wit().length() > 60 ? type.wit().substring(0, 60) + "..." : type.wit();
            c.add(Arguments.of(wit + " = " + v, type, v, v));
        }
    }

    static WitType.VariantType wide(int cases) {
        List<Case> list = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            list.add(i == cases - 1 ? Case.of("c" + i, U32) : Case.of("c" + i));
        }
        return new WitType.VariantType(list);
    }

    static WitType.FlagsType flags(int labels) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < labels; i++) {
            names.add("f" + i);
        }
        return new WitType.FlagsType(names);
    }
}
