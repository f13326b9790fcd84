package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scalars through a hand-written component (primitives.wat): lift and lower of every primitive type. */
class PrimitivesComponentTest {
    private static ComponentInstance instance() {
        return Linker.builder().build().instantiate(TestComponents.load("primitives.wasm"));
    }

    static Stream<Arguments> echoes() {
        return Stream.of(
                Arguments.of("echo-bool", WitValue.bool(true)),
                Arguments.of("echo-bool", WitValue.bool(false)),
                Arguments.of("echo-s8", WitValue.s8(-128)),
                Arguments.of("echo-s8", WitValue.s8(127)),
                Arguments.of("echo-u8", WitValue.u8(255)),
                Arguments.of("echo-s16", WitValue.s16(-32768)),
                Arguments.of("echo-u16", WitValue.u16(65535)),
                Arguments.of("echo-s32", WitValue.s32(Integer.MIN_VALUE)),
                Arguments.of("echo-s32", WitValue.s32(Integer.MAX_VALUE)),
                Arguments.of("echo-u32", WitValue.u32(-1)),
                Arguments.of("echo-s64", WitValue.s64(Long.MIN_VALUE)),
                Arguments.of("echo-s64", WitValue.s64(Long.MAX_VALUE)),
                Arguments.of("echo-u64", WitValue.u64(-1L)),
                Arguments.of("echo-f32", WitValue.f32(-0.0f)),
                Arguments.of("echo-f32", WitValue.f32(Float.POSITIVE_INFINITY)),
                Arguments.of("echo-f64", WitValue.f64(Double.NEGATIVE_INFINITY)),
                Arguments.of("echo-f64", WitValue.f64(1.5e300)),
                Arguments.of("echo-char", WitValue.character(0)),
                Arguments.of("echo-char", WitValue.character('a')),
                Arguments.of("echo-char", WitValue.character(0x1F600)));
    }

    @ParameterizedTest(name = "{0}({1})")
    @MethodSource("echoes")
    void echoesEveryPrimitive(String export, WitValue value) {
        assertEquals(value, instance().call(export, value).orElseThrow());
    }

    @ParameterizedTest(name = "{0}({1}) interpreted")
    @MethodSource("echoes")
    void echoesEveryPrimitiveInTheInterpreter(String export, WitValue value) {
        ComponentInstance i = Linker.builder().build().instantiate(TestComponents.interpreted("primitives.wasm"));
        assertEquals(value, i.call(export, value).orElseThrow());
    }

    @Test
    void nanStaysNan() {
        WitValue v = instance().call("echo-f64", WitValue.f64(Double.NaN)).orElseThrow();
        assertTrue(Double.isNaN(((WitValue.F64) v).value()));
    }

    @Test
    void addWraps() {
        assertEquals(WitValue.u32(1), instance().call("add", WitValue.u32(-1), WitValue.u32(2)).orElseThrow());
    }

    @Test
    void liftingKeepsTheLowBitsOfAWideU8() {
        // Regression guard: the core returns 0x1FF; the spec's lift_flat_unsigned keeps the low 8 bits.
        assertEquals(WitValue.u8(255), instance().call("wide-u8").orElseThrow());
    }

    @Test
    void aSurrogateCharTrapsAndPoisonsTheInstance() {
        ComponentInstance i = instance();
        TrapException e = assertThrows(TrapException.class, () -> i.call("bad-char-surrogate"));
        assertTrue(e.getMessage().contains("bad-char-surrogate"), e.getMessage());
        assertTrue(i.isPoisoned());
        TrapException again = assertThrows(TrapException.class, () -> i.call("add", WitValue.u32(1), WitValue.u32(1)));
        assertTrue(again.getMessage().contains("poisoned"), again.getMessage());
    }

    @Test
    void aCharBeyondUnicodeTraps() {
        assertThrows(TrapException.class, () -> instance().call("bad-char-too-big"));
    }

    @Test
    void wrongArgumentsAreRejectedBeforeTheCall() {
        ComponentInstance i = instance();
        assertThrows(IllegalArgumentException.class, () -> i.call("add", WitValue.u32(1)));
        assertThrows(IllegalArgumentException.class, () -> i.call("add", WitValue.string("x"), WitValue.u32(1)));
    }

    @Test
    void anUnknownExportIsALinkError() {
        assertThrows(LinkException.class, () -> instance().call("nope"));
    }
}
