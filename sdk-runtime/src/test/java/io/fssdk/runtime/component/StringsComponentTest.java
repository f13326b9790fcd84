package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Strings in every canonical encoding (strings.wat), with realloc and post-return. */
class StringsComponentTest {
    private final ComponentInstance instance = Linker.builder().build().instantiate(TestComponents.load("strings.wasm"));

    static Stream<Arguments> cases() {
        return Stream.of("echo-utf8", "echo-utf16", "echo-latin1-utf16").flatMap(f ->
                Stream.of("", "abc", "héllo", "€uro", "x😀y", "ÿ", "a".repeat(10_000)).map(s -> Arguments.of(f, s)));
    }

    @ParameterizedTest(name = "{0}({1})")
    @MethodSource("cases")
    void roundTripsInEveryEncoding(String export, String s) {
        assertEquals(WitValue.string(s), instance.call(export, WitValue.string(s)).orElseThrow());
    }

    @Test
    void utf16LengthIsInCodeUnits() {
        assertEquals(WitValue.u32(0), instance.call("raw-len-utf16", WitValue.string("")).orElseThrow());
        assertEquals(WitValue.u32(5), instance.call("raw-len-utf16", WitValue.string("héllo")).orElseThrow());
        assertEquals(WitValue.u32(4), instance.call("raw-len-utf16", WitValue.string("x😀y")).orElseThrow());
    }

    @Test
    void latin1IsUsedWhenItFitsAndUtf16IsTaggedOtherwise() {
        assertEquals(WitValue.u32(5), instance.call("raw-len-latin1-utf16", WitValue.string("héllo")).orElseThrow());
        assertEquals(WitValue.u32(0x80000004), instance.call("raw-len-latin1-utf16", WitValue.string("€uro")).orElseThrow());
        assertEquals(WitValue.u32(0x80000004), instance.call("raw-len-latin1-utf16", WitValue.string("x😀y")).orElseThrow());
    }

    @Test
    void postReturnRunsOncePerEchoAndNotForFunctionsWithoutOne() {
        int before = ((WitValue.U32) instance.call("post-return-count").orElseThrow()).value();
        instance.call("echo-utf8", WitValue.string("a"));
        instance.call("raw-len-utf16", WitValue.string("a"));
        int after = ((WitValue.U32) instance.call("post-return-count").orElseThrow()).value();
        assertEquals(before + 1, after);
    }
}
