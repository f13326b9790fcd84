package io.fssdk.runtime.component.abi;

import static io.fssdk.runtime.component.PrimitiveType.BOOL;
import static io.fssdk.runtime.component.PrimitiveType.CHAR;
import static io.fssdk.runtime.component.PrimitiveType.F32;
import static io.fssdk.runtime.component.PrimitiveType.F64;
import static io.fssdk.runtime.component.PrimitiveType.S16;
import static io.fssdk.runtime.component.PrimitiveType.STRING;
import static io.fssdk.runtime.component.PrimitiveType.U16;
import static io.fssdk.runtime.component.PrimitiveType.U32;
import static io.fssdk.runtime.component.PrimitiveType.U64;
import static io.fssdk.runtime.component.PrimitiveType.U8;
import static io.fssdk.runtime.component.WitType.field;
import static io.fssdk.runtime.component.WitType.list;
import static io.fssdk.runtime.component.WitType.option;
import static io.fssdk.runtime.component.abi.CoreType.I32;
import static io.fssdk.runtime.component.abi.CoreType.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.WitType;
import io.fssdk.runtime.component.WitType.Case;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sizes, alignments and flat types against values worked out by hand from the spec's definitions. */
class LayoutTest {
    private static final WitType ERROR = WitType.variant(Case.of("not-found"), Case.of("io-error", STRING),
            Case.of("other", STRING));
    private static final WitType STORE_RESULT = new WitType.ResultType(Optional.of(option(list(U8))), Optional.of(ERROR));
    private static final WitType COMPLEX_KEY = WitType.record(field("key-group", list(U8)), field("key", list(U8)),
            field("namespace", list(U8)), field("user-key", list(U8)));
    private static final ResourceType STORE = ResourceType.host("store", "test");

    static Stream<Arguments> layouts() {
        return Stream.of(
                row(BOOL, 1, 1, I32),
                row(U8, 1, 1, I32),
                row(S16, 2, 2, I32),
                row(U32, 4, 4, I32),
                row(U64, 8, 8, I64),
                row(F32, 4, 4, CoreType.F32),
                row(F64, 8, 8, CoreType.F64),
                row(CHAR, 4, 4, I32),
                row(STRING, 8, 4, I32, I32),
                row(list(U64), 8, 4, I32, I32),
                row(WitType.record(field("a", U8), field("b", U32)), 8, 4, I32, I32),
                row(WitType.record(field("a", U8), field("b", U16), field("c", U8)), 6, 2, I32, I32, I32),
                row(WitType.tuple(U8, U64), 16, 8, I32, I64),
                row(WitType.tuple(U8, U8, U8), 3, 1, I32, I32, I32),
                row(WitType.enumOf("a", "b", "c"), 1, 1, I32),
                row(RoundTripTest.wide(256), 8, 4, I32, I32),
                row(RoundTripTest.wide(257), 8, 4, I32, I32),
                row(option(U32), 8, 4, I32, I32),
                row(option(U64), 16, 8, I32, I64),
                row(option(U8), 2, 1, I32, I32),
                // join(i32, f32) = i32; join(f32, f64) = i64; join(i64, i32) = i64.
                row(WitType.result(U32, F32), 8, 4, I32, I32),
                row(WitType.result(F32, F64), 16, 8, I32, I64),
                row(WitType.result(U64, STRING), 16, 8, I32, I64, I32),
                row(WitType.variant(Case.of("a", WitType.tuple(F32, F32)), Case.of("b", U64)), 16, 8, I32, I64,
                        CoreType.F32),
                row(new WitType.ResultType(Optional.empty(), Optional.empty()), 1, 1, I32),
                row(WitType.flags("a"), 1, 1, I32),
                row(RoundTripTest.flags(8), 1, 1, I32),
                row(RoundTripTest.flags(9), 2, 2, I32),
                row(RoundTripTest.flags(16), 2, 2, I32),
                row(RoundTripTest.flags(17), 4, 4, I32),
                row(RoundTripTest.flags(32), 4, 4, I32),
                row(RoundTripTest.flags(33), 8, 4, I32, I32),
                row(RoundTripTest.flags(64), 8, 4, I32, I32),
                row(RoundTripTest.flags(65), 12, 4, I32, I32, I32),
                row(new WitType.OwnType(STORE), 4, 4, I32),
                row(new WitType.BorrowType(STORE), 4, 4, I32),
                row(STORE_RESULT, 16, 4, I32, I32, I32, I32),
                row(COMPLEX_KEY, 32, 4, I32, I32, I32, I32, I32, I32, I32, I32));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void layout(String name, WitType type, Layout expected) {
        assertEquals(expected, AbiType.of(type).layout());
    }

    @Test
    void discriminantGrowsWithCaseCount() {
        assertEquals(1, ((VariantAbi) AbiType.of(RoundTripTest.wide(256))).discriminantSize());
        VariantAbi wide = (VariantAbi) AbiType.of(RoundTripTest.wide(257));
        assertEquals(2, wide.discriminantSize());
        assertEquals(4, wide.payloadOffset());
        assertEquals(2, ((VariantAbi) AbiType.of(WitType.enumOf(labels(65536)))).discriminantSize());
        assertEquals(4, ((VariantAbi) AbiType.of(WitType.enumOf(labels(65537)))).discriminantSize());
    }

    @Test
    void storeResultAreaHasTagAt0CaseAt4PointerAt8LengthAt12() {
        VariantAbi result = (VariantAbi) AbiType.of(STORE_RESULT);
        VariantAbi opt = (VariantAbi) result.payload(0).orElseThrow();
        assertEquals(4, result.payloadOffset());
        assertEquals(4, opt.payloadOffset());
        assertEquals(8, result.payloadOffset() + opt.payloadOffset());
    }

    @Test
    void recordOffsetsFollowFieldAlignment() {
        RecordAbi r = (RecordAbi) AbiType.of(WitType.record(field("a", U8), field("b", U64), field("c", U16)));
        assertEquals(List.of(0, 8, 16), List.of(r.offset(0), r.offset(1), r.offset(2)));
        assertEquals(24, r.size());
    }

    @Test
    void despecializeFollowsTheSpec() {
        assertEquals(WitType.record(field("0", U8), field("1", STRING)),
                Despecializer.despecialize(WitType.tuple(U8, STRING)));
        assertEquals(WitType.variant(Case.of("none"), Case.of("some", U8)), Despecializer.despecialize(option(U8)));
        assertEquals(WitType.variant(new Case("ok", Optional.empty()), Case.of("error", STRING)),
                Despecializer.despecialize(new WitType.ResultType(Optional.empty(), Optional.of(STRING))));
        assertEquals(WitType.variant(Case.of("x"), Case.of("y")), Despecializer.despecialize(WitType.enumOf("x", "y")));
        assertEquals(list(U8), Despecializer.despecialize(list(U8)));
    }

    private static Arguments row(WitType type, int size, int align, CoreType... flat) {
        String name = type.wit().length() > 70 ? type.wit().substring(0, 70) + "..." : type.wit();
        return Arguments.of(name, type, new Layout(size, align, List.of(flat)));
    }

    private static String[] labels(int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = "l" + i;
        }
        return out;
    }
}
