package io.fssdk.runtime.component.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.UnsupportedFeatureException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every feature outside the synchronous MVP is rejected with an {@link UnsupportedFeatureException}
 * naming it, at the offset where it starts; none is silently skipped. (Canonical built-ins and options
 * are covered by {@link CanonSectionReaderTest}.)
 */
class GatedFeatureTest {

    private static Bin type(int... bytes) {
        return Bin.vecSection(7, Bin.of(bytes));
    }

    static Stream<Arguments> gated() {
        return Stream.of(
                Arguments.of("`start` section", Bin.section(9, Bin.of(0x00, 0x00, 0x00)), 8),
                Arguments.of("`value` section", Bin.section(12, Bin.of(0x00)), 8),
                Arguments.of("`stream` type", type(0x66, 0x00), 11),
                Arguments.of("`future` type", type(0x65, 0x01, 0x79), 11),
                Arguments.of("`error-context` type", type(0x64), 11),
                Arguments.of("`error-context` type", type(0x70, 0x64), 12),
                Arguments.of("`list<T, N>` fixed-length list type", type(0x67, 0x79, 0x04), 11),
                Arguments.of("`map` type", type(0x63, 0x73, 0x73), 11),
                Arguments.of("`async` function type", type(0x43, 0x00, 0x01, 0x00), 11),
                Arguments.of("resource with an async destructor", type(0x3e, 0x7f, 0x00, 0x00), 11),
                Arguments.of("`value` sort", Bin.vecSection(6, Bin.of(0x02, 0x00, 0x00).name("v")), 11),
                Arguments.of("`value` import or export",
                        Bin.vecSection(10, Bin.of().externName("v").u8(0x02, 0x01, 0x79)), 14),
                Arguments.of("core `rec` type group", Bin.vecSection(3, Bin.of(0x4e, 0x00)), 11),
                Arguments.of("core `sub` type", Bin.vecSection(3, Bin.of(0x00, 0x50, 0x00, 0x60, 0, 0)), 11),
                Arguments.of("core `struct` type", Bin.vecSection(3, Bin.of(0x5f, 0x00)), 11),
                Arguments.of("core `array` type", Bin.vecSection(3, Bin.of(0x5e, 0x7f, 0x00)), 11),
                Arguments.of("typed function reference type", Bin.vecSection(3, Bin.of(0x60, 1, 0x63, 0x70, 0)), 13),
                Arguments.of("core reference type 0x6e", Bin.vecSection(3, Bin.of(0x60, 1, 0x6e, 0)), 13),
                Arguments.of("custom page size",
                        Bin.vecSection(3, Bin.of(0x50, 1, 0x03).name("m").u8(0x02, 0x08, 0x01, 0x00)), 17),
                Arguments.of("shared global",
                        Bin.vecSection(3, Bin.of(0x50, 1, 0x03).name("g").u8(0x03, 0x7f, 0x02)), 18),
                Arguments.of("`[async]` function name `[async]f`",
                        Bin.vecSection(10, Bin.of().externName("[async]f").u8(0x01, 0x00)), 12),
                Arguments.of("`url=` name `url=<https://x>`",
                        Bin.vecSection(10, Bin.of().externName("url=<https://x>").u8(0x01, 0x00)), 12),
                Arguments.of("nested namespace or package name `a:b:c/d`",
                        Bin.vecSection(10, Bin.of().externName("a:b:c/d").u8(0x05, 0x00)), 12));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gated")
    void rejectsByName(String feature, Bin section, int offset) {
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> ComponentParser.parse(Bin.component(section)));
        assertEquals(feature, e.feature());
        assertEquals(offset, e.offset());
        assertTrue(e.getMessage().startsWith("unsupported feature " + feature + " ("), e.getMessage());
    }
}
