package io.fssdk.runtime.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The value table for all-types.wasm: for every {@code <t>} of FIXTURES.md, the values that must survive
 * {@code echo-<t>} and {@code via-host-<t>}, extremes and every case included. Each row is
 * {@code (t, value sent, value expected back)}; they differ only where lowering accepts a second form
 * ({@code list<u8>} as a list of {@code u8} comes back as {@link WitValue.Bytes}).
 */
final class AllTypesValues {
    /** Every {@code <t>}, in the order of all-types.wit. */
    static final List<String> TYPES = List.of("bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "f32",
            "f64", "char", "string", "bytes", "strings", "points", "point", "mixed", "tuple", "shape", "color",
            "option-string", "option-option", "result-string-u32", "result-u32", "result-error", "result-empty",
            "small-flags", "medium-flags", "big-flags");

    private static final String UNICODE = "héllo €uro x😀y \u0000 \uFFFF \uD7FF\uE000 \uDBFF\uDFFF";
    private static final Map<String, List<Row>> ROWS = rows();

    /** A value sent and the value expected back. */
    private record Row(WitValue in, WitValue expected) { }

    private AllTypesValues() {
    }

    /** Every row: {@code (t, in, expected)}. */
    static Stream<Arguments> all() {
        return ROWS.entrySet().stream().flatMap(e -> e.getValue().stream()
                .map(r -> Arguments.of(e.getKey(), r.in(), r.expected())));
    }

    /** The first and the last row of each type: a subset for the slower interpreter. */
    static Stream<Arguments> firstAndLastOfEachType() {
        return ROWS.entrySet().stream().flatMap(e -> {
            List<Row> rs = e.getValue();
            List<Row> picked = rs.size() == 1 ? List.of(rs.get(0)) : List.of(rs.get(0), rs.get(rs.size() - 1));
            return picked.stream().map(r -> Arguments.of(e.getKey(), r.in(), r.expected()));
        });
    }

    private static Map<String, List<Row>> rows() {
        Map<String, List<Row>> m = new LinkedHashMap<>();
        same(m, "bool", WitValue.bool(false), WitValue.bool(true));
        same(m, "s8", WitValue.s8(0), WitValue.s8(-1), WitValue.s8(-128), WitValue.s8(127));
        same(m, "u8", WitValue.u8(0), WitValue.u8(127), WitValue.u8(128), WitValue.u8(255));
        same(m, "s16", WitValue.s16(0), WitValue.s16(-1), WitValue.s16(-32768), WitValue.s16(32767));
        same(m, "u16", WitValue.u16(0), WitValue.u16(32768), WitValue.u16(65535));
        same(m, "s32", WitValue.s32(0), WitValue.s32(-1), WitValue.s32(Integer.MIN_VALUE),
                WitValue.s32(Integer.MAX_VALUE));
        same(m, "u32", WitValue.u32(0), WitValue.u32(Integer.MIN_VALUE), WitValue.u32(-1));
        same(m, "s64", WitValue.s64(0), WitValue.s64(-1), WitValue.s64(Long.MIN_VALUE),
                WitValue.s64(Long.MAX_VALUE), WitValue.s64(1L << 32));
        same(m, "u64", WitValue.u64(0), WitValue.u64(Long.MIN_VALUE), WitValue.u64(-1L), WitValue.u64(0xFFFFFFFFL));
        // Record equality compares floats as Float.compare does: -0.0 differs from 0.0 and every NaN is
        // equal to every other, which is what the spec allows (NaN bits may be canonicalised).
        same(m, "f32", WitValue.f32(0.0f), WitValue.f32(-0.0f), WitValue.f32(Float.MIN_VALUE),
                WitValue.f32(Float.MAX_VALUE), WitValue.f32(Float.NEGATIVE_INFINITY),
                WitValue.f32(Float.POSITIVE_INFINITY), WitValue.f32(1.5f), WitValue.f32(Float.NaN));
        same(m, "f64", WitValue.f64(0.0), WitValue.f64(-0.0), WitValue.f64(Double.MIN_VALUE),
                WitValue.f64(Double.MAX_VALUE), WitValue.f64(Double.NEGATIVE_INFINITY),
                WitValue.f64(Double.POSITIVE_INFINITY), WitValue.f64(-1.5e300), WitValue.f64(Double.NaN));
        same(m, "char", WitValue.character(0), WitValue.character('a'), WitValue.character(0x7F),
                WitValue.character(0xFF), WitValue.character(0xD7FF), WitValue.character(0xE000),
                WitValue.character(0xFFFF), WitValue.character(0x1F600), WitValue.character(0x10FFFF));
        same(m, "string", WitValue.string(""), WitValue.string("abc"), WitValue.string("\u0000"),
                WitValue.string(UNICODE), WitValue.string("ÿ".repeat(3000)), WitValue.string("😀".repeat(5000)));
        same(m, "bytes", WitValue.bytes(new byte[0]), WitValue.bytes(new byte[] {0, -1, -128, 127}),
                WitValue.bytes(sequence(70_000)));
        row(m, "bytes", WitValue.list(WitValue.u8(1), WitValue.u8(255)), WitValue.bytes(new byte[] {1, -1}));
        same(m, "strings", WitValue.list(), WitValue.list(WitValue.string("")),
                WitValue.list(WitValue.string("a"), WitValue.string(""), WitValue.string(UNICODE)),
                new WitValue.ListValue(IntStream.range(0, 500).mapToObj(k -> (WitValue) WitValue.string("s" + k))
                        .toList()));
        same(m, "points", WitValue.list(), WitValue.list(point(0, 0)),
                WitValue.list(point(Integer.MIN_VALUE, Integer.MAX_VALUE), point(-1, 1), point(7, -7)),
                new WitValue.ListValue(IntStream.range(0, 1000).mapToObj(k -> point(k, -k)).toList()));
        same(m, "point", point(0, 0), point(-1, 1), point(Integer.MIN_VALUE, Integer.MAX_VALUE));
        same(m, "mixed",
                mixed(0, 0, "", WitValue.list(), WitValue.none()),
                mixed(255, -1L, UNICODE, WitValue.list(WitValue.u16(0), WitValue.u16(65535), WitValue.u16(1)),
                        WitValue.some(WitValue.character(0x1F600))),
                mixed(1, Long.MIN_VALUE, "x", WitValue.list(WitValue.u16(7)), WitValue.some(WitValue.character(0))));
        same(m, "tuple", tuple(0, "", 0.0), tuple(255, "x😀", -1.5e300), tuple(7, "abc", Double.NEGATIVE_INFINITY),
                tuple(128, "\u0000", Double.NaN));
        same(m, "shape", WitValue.variant(0),
                WitValue.variant(1, WitValue.f32(1.5f)), WitValue.variant(1, WitValue.f32(-0.0f)),
                WitValue.variant(1, WitValue.f32(Float.NEGATIVE_INFINITY)),
                WitValue.variant(1, WitValue.f32(Float.NaN)),
                WitValue.variant(2, point(Integer.MIN_VALUE, Integer.MAX_VALUE)), WitValue.variant(2, point(-1, 0)),
                WitValue.variant(3, WitValue.string("")), WitValue.variant(3, WitValue.string(UNICODE)),
                WitValue.variant(4, WitValue.u64(-1L)), WitValue.variant(4, WitValue.u64(0x8000000000000001L)),
                WitValue.variant(4, WitValue.u64(0)));
        same(m, "color", WitValue.enumCase(0), WitValue.enumCase(1), WitValue.enumCase(2));
        same(m, "option-string", WitValue.none(), WitValue.some(WitValue.string("")),
                WitValue.some(WitValue.string(UNICODE)));
        same(m, "option-option", WitValue.none(), WitValue.some(WitValue.none()),
                WitValue.some(WitValue.some(WitValue.u32(5))), WitValue.some(WitValue.some(WitValue.u32(0))),
                WitValue.some(WitValue.some(WitValue.u32(-1))));
        same(m, "result-string-u32", WitValue.ok(WitValue.string("")), WitValue.ok(WitValue.string(UNICODE)),
                WitValue.err(WitValue.u32(0)), WitValue.err(WitValue.u32(-1)));
        same(m, "result-u32", WitValue.ok(WitValue.u32(0)), WitValue.ok(WitValue.u32(-1)), WitValue.err());
        same(m, "result-error", WitValue.ok(), WitValue.err(WitValue.string("")),
                WitValue.err(WitValue.string("bad 😀")));
        same(m, "result-empty", WitValue.ok(), WitValue.err());
        same(m, "small-flags", WitValue.flags(), WitValue.flags(0), WitValue.flags(1), WitValue.flags(2),
                WitValue.flags(0, 2), WitValue.flags(0, 1, 2));
        same(m, "medium-flags", flagRows(12));
        same(m, "big-flags", flagRows(32));
        if (!m.keySet().equals(new LinkedHashSet<>(TYPES))) {
            throw new IllegalStateException("the table must cover exactly the types of all-types.wit");
        }
        return m;
    }

    /** No flag, each flag alone, the first and last, alternating bits, and all of them. */
    private static WitValue[] flagRows(int count) {
        List<WitValue> out = new ArrayList<>();
        out.add(WitValue.flags());
        for (int k = 0; k < count; k++) {
            out.add(WitValue.flags(k));
        }
        out.add(WitValue.flags(0, count - 1));
        out.add(WitValue.flags(IntStream.range(0, count).filter(k -> k % 2 == 1).toArray()));
        out.add(WitValue.flags(IntStream.range(0, count).toArray()));
        return out.toArray(new WitValue[0]);
    }

    private static void same(Map<String, List<Row>> m, String type, WitValue... values) {
        for (WitValue v : values) {
            row(m, type, v, v);
        }
    }

    private static void row(Map<String, List<Row>> m, String type, WitValue in, WitValue expected) {
        m.computeIfAbsent(type, k -> new ArrayList<>()).add(new Row(in, expected));
    }

    private static WitValue point(int x, int y) {
        return WitValue.record(WitValue.s32(x), WitValue.s32(y));
    }

    private static WitValue mixed(int a, long b, String c, WitValue d, WitValue e) {
        return WitValue.record(WitValue.u8(a), WitValue.u64(b), WitValue.string(c), d, e);
    }

    private static WitValue tuple(int a, String b, double c) {
        return WitValue.tuple(WitValue.u8(a), WitValue.string(b), WitValue.f64(c));
    }

    private static byte[] sequence(int n) {
        byte[] b = new byte[n];
        for (int k = 0; k < n; k++) {
            b[k] = (byte) (k * 7 + 3);
        }
        return b;
    }
}
