package io.fssdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three places where the counter must agree with the C guest byte for byte. */
class CounterOperatorHelpersTest {
    @ParameterizedTest(name = "parseCount({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "0|0", "7|7", "+7|7", "-7|-7", "007|7", "9223372036854775807|9223372036854775807",
        "-9223372036854775808|-9223372036854775808", "9223372036854775808|0", "''|0", "+|0", "-|0",
        "'1 '|0", "' 1'|0", "1.0|0", "0x10|0", "1_000|0", "\u0663|0", "\uFF11|0", "--1|0", "+-1|0"})
    void parsesStrictAsciiDecimalsOnly(String text, long expected) {
        assertEquals(expected, CounterOperator.parseCount(text.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "trim({0})")
    @CsvSource(delimiter = '|', value = {
        "''|''", "' '|''", "'\t\n\u000B\f\r'|''", "' a b '|'a b'", "'\u00A0a\u00A0'|'\u00A0a\u00A0'",
        "'\u0001a'|'\u0001a'", "'\u2003a'|'\u2003a'", "'\u001Fa\u001C'|'\u001Fa\u001C'"})
    void trimsTheSixAsciiWhitespaceCharactersOnly(String text, String expected) {
        assertEquals(expected, CounterOperator.trimAsciiWhitespace(text));
    }

    @Test
    void ordersLikeUnsignedUtf8Bytes() {
        List<String> words = new ArrayList<>(List.of("\uD83D\uDE00", "\uFFFF", "\uE000", "\uD7FF", "z", "", "a", "ab",
                "\u00E9", "\uD800\uDC00", "\uDBFF\uDFFF"));
        List<String> byBytes = new ArrayList<>(words);
        byBytes.sort((x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
        words.sort(CounterOperator::compareCodePoints);
        assertEquals(byBytes, words);
    }
}
