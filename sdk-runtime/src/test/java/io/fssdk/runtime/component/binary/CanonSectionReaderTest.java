package io.fssdk.runtime.component.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.MalformedException;
import io.fssdk.runtime.component.UnsupportedFeatureException;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CanonSectionReaderTest {

    static Definition decode(Bin canon) {
        return ComponentParser.parse(Bin.component(Bin.vecSection(8, canon))).definitions().get(0);
    }

    static Stream<Arguments> canons() {
        CanonOptions full = new CanonOptions(StringEncoding.UTF16, OptionalInt.of(0), OptionalInt.of(3),
                OptionalInt.of(4));
        return Stream.of(
                Arguments.of("lift, no options", Bin.of(0x00, 0x00, 0x05, 0x00, 0x02),
                        new Canon.Lift(5, CanonOptions.NONE, 2)),
                Arguments.of("lift, all options",
                        Bin.of(0x00, 0x00, 0x05, 4, 0x01, 0x03, 0x00, 0x04, 0x03, 0x05, 0x04, 0x02),
                        new Canon.Lift(5, full, 2)),
                Arguments.of("lower", Bin.of(0x01, 0x00, 0x07, 2, 0x02, 0x03, 0x01),
                        new Canon.Lower(7, new CanonOptions(StringEncoding.LATIN1_UTF16, OptionalInt.of(1),
                                OptionalInt.empty(), OptionalInt.empty()))),
                Arguments.of("explicit utf8", Bin.of(0x01, 0x00, 0x00, 1, 0x00), new Canon.Lower(0, CanonOptions.NONE)),
                Arguments.of("resource.new", Bin.of(0x02, 0x09), new Canon.ResourceNew(9)),
                Arguments.of("resource.drop", Bin.of(0x03, 0x09), new Canon.ResourceDrop(9)),
                Arguments.of("resource.rep", Bin.of(0x04, 0x09), new Canon.ResourceRep(9)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canons")
    void decodesCanonicalDefinitions(String name, Bin encoding, Canon expected) {
        assertEquals(expected, decode(encoding));
    }

    static Stream<Arguments> badCanons() {
        return Stream.of(
                Arguments.of("lift of a non-func sort", Bin.of(0x00, 0x01, 0, 0, 0), "canon lift sort (must be 0x00)"),
                Arguments.of("lower of a non-func sort", Bin.of(0x01, 0x03, 0, 0), "canon lower sort (must be 0x00)"),
                Arguments.of("duplicate memory", Bin.of(0x01, 0x00, 0, 2, 0x03, 0, 0x03, 1),
                        "duplicate canonical option `memory`"),
                Arguments.of("duplicate realloc", Bin.of(0x01, 0x00, 0, 2, 0x04, 0, 0x04, 1),
                        "duplicate canonical option `realloc`"),
                Arguments.of("duplicate post-return", Bin.of(0x00, 0x00, 0, 2, 0x05, 0, 0x05, 1, 0),
                        "duplicate canonical option `post-return`"),
                Arguments.of("two encodings", Bin.of(0x01, 0x00, 0, 2, 0x00, 0x01),
                        "string encoding `utf16` conflicts with `utf8`"),
                Arguments.of("unknown option", Bin.of(0x01, 0x00, 0, 1, 0x0a),
                        "invalid byte 0x0a for canonical option"),
                Arguments.of("too many options", Bin.of(0x01, 0x00, 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        "too many canonical options"),
                Arguments.of("unknown opcode", Bin.of(0x3f), "invalid byte 0x3f for canonical definition"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCanons")
    void rejectsMalformedCanonicalDefinitions(String name, Bin encoding, String message) {
        MalformedException e = assertThrows(MalformedException.class, () -> decode(encoding));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    static IntStream builtins() {
        return IntStream.concat(IntStream.rangeClosed(0x05, 0x2d), IntStream.rangeClosed(0x40, 0x42));
    }

    @ParameterizedTest
    @MethodSource("builtins")
    void rejectsEveryNonMvpBuiltinByName(int opcode) {
        String name = CanonSectionReader.builtinName(opcode).orElseThrow();
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> decode(Bin.of(opcode)));
        assertEquals("`" + name + "` canonical built-in", e.feature());
        assertEquals(11, e.offset());
    }

    static Stream<Arguments> gatedOptions() {
        return Stream.of(
                Arguments.of(Bin.of(0x06), "`async` canonical option"),
                Arguments.of(Bin.of(0x07, 0x00), "`callback` canonical option"),
                Arguments.of(Bin.of(0x08, 0x00), "`core-type` canonical option"),
                Arguments.of(Bin.of(0x09), "`gc` canonical option"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("gatedOptions")
    void rejectsNonMvpOptionsByName(Bin option, String feature) {
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> decode(Bin.of(0x00, 0x00, 0x00, 1).raw(option).u8(0)));
        assertEquals(feature, e.feature());
    }
}
