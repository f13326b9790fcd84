package io.fssdk.runtime.component.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fssdk.runtime.component.PrimitiveType;
import io.fssdk.runtime.component.WitType;
import io.fssdk.runtime.component.WitValue;
import org.junit.jupiter.api.Test;

/** Value constants of the wast scripts read against WIT types: always run, no spec suite needed. */
class WastValuesTest {
    private static WitValue value(String text, WitType type) {
        return WastValues.parse(WastReader.read(text).get(0), type);
    }

    @Test
    void readsScalars() {
        assertEquals(WitValue.u64(-1L), value("(u64.const 18446744073709551615)", PrimitiveType.U64));
        assertEquals(WitValue.u32(-1), value("(u32.const 0xffff_ffff)", PrimitiveType.U32));
        assertEquals(WitValue.s8(-8), value("(s8.const -8)", PrimitiveType.S8));
        assertEquals(WitValue.f32(0.125f), value("(f32.const 0x1p-3)", PrimitiveType.F32));
        assertEquals(WitValue.f64(9), value("(f64.const 9)", PrimitiveType.F64));
        assertEquals(WitValue.bool(true), value("(bool.const true)", PrimitiveType.BOOL));
        assertEquals(WitValue.character(0x1F370), value("(char.const \"🍰\")", PrimitiveType.CHAR));
        assertEquals(WitValue.string("x"), value("(str.const \"x\")", PrimitiveType.STRING));
        assertThrows(IllegalArgumentException.class, () -> value("(u8.const 256)", PrimitiveType.U8));
        assertThrows(IllegalArgumentException.class, () -> value("(u32.const 1)", PrimitiveType.U64));
    }

    @Test
    void readsCompoundsByName() {
        WitType rec = WitType.record(WitType.field("s", PrimitiveType.STRING),
                WitType.field("n", WitType.list(PrimitiveType.U32)));
        assertEquals(WitValue.record(WitValue.string("v="), WitValue.list(WitValue.u32(1), WitValue.u32(2))),
                value("(record.const (field \"s\" str.const \"v=\") (field \"n\" list.const (u32.const 1)"
                        + " (u32.const 2)))", rec));
        WitType var = WitType.variant(WitType.Case.of("a"), WitType.Case.of("b", PrimitiveType.U8));
        assertEquals(WitValue.variant(1, WitValue.u8(7)), value("(variant.const \"b\" (u8.const 7))", var));
        assertEquals(WitValue.variant(0), value("(variant.const \"a\")", var));
        assertEquals(WitValue.enumCase(2), value("(enum.const \"blue\")", WitType.enumOf("red", "green", "blue")));
        assertEquals(WitValue.flags(0, 2), value("(flags.const \"a\" \"c\")", WitType.flags("a", "b", "c")));
        assertEquals(WitValue.bytes(new byte[] {1, (byte) 255}),
                value("(list.const (u8.const 1) (u8.const 255))", WitType.list(PrimitiveType.U8)));
        assertEquals(WitValue.tuple(WitValue.string("n"), WitValue.u32(7)),
                value("(tuple.const (str.const \"n\") (u32.const 7))",
                        WitType.tuple(PrimitiveType.STRING, PrimitiveType.U32)));
        assertEquals(WitValue.some(WitValue.u32(5)),
                value("(option.some (u32.const 5))", WitType.option(PrimitiveType.U32)));
        assertEquals(WitValue.none(), value("(option.none)", WitType.option(PrimitiveType.U32)));
        WitType res = WitType.result(PrimitiveType.STRING, PrimitiveType.U32);
        assertEquals(WitValue.err(WitValue.u32(404)), value("(result.err (u32.const 404))", res));
        assertThrows(IllegalArgumentException.class, () -> value("(variant.const \"z\")", var));
    }
}
