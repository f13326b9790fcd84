package io.fssdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fssdk.runtime.EmittedWatermark;
import io.fssdk.runtime.OperatorTestKit;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The native counter against Function Stream's Go counter, through the test kit. */
class CounterOperatorTest {
    private static final String STORE = CounterOperator.STORE_NAME;

    @Test
    void countsTheFiveLineScenarioLikeTheGoCounter() {
        try (OperatorTestKit kit = OperatorTestKit.of(new CounterOperator())) {
            for (String line : List.of("hello", "world", "hello", "hello", "world")) {
                kit.process(line);
            }
            assertEquals(List.of(
                    "{\"total_processed\":1,\"counter_map\":{\"hello\":1}}",
                    "{\"total_processed\":2,\"counter_map\":{\"hello\":1,\"world\":1}}",
                    "{\"total_processed\":3,\"counter_map\":{\"hello\":2,\"world\":1}}",
                    "{\"total_processed\":4,\"counter_map\":{\"hello\":3,\"world\":1}}",
                    "{\"total_processed\":5,\"counter_map\":{\"hello\":3,\"world\":2}}"), kit.drainOutputStrings());
            assertEquals(0, kit.outputs().stream().filter(e -> e.targetId() != 0).count());
            assertEquals(Optional.of("3"), kit.stateAsString(STORE, "hello"));
            assertEquals(Optional.of("2"), kit.stateAsString(STORE, "world"));
        }
    }

    @Test
    void trimsAsciiWhitespaceOnlyAndIgnoresEmptyInput() {
        try (OperatorTestKit kit = OperatorTestKit.of(new CounterOperator())) {
            kit.process("");
            kit.process(" \t\u000B\f\r\n ");
            assertEquals(List.of(), kit.outputs(), "empty input is ignored, not counted");
            kit.process("\t hello \u000B\f\r\n");
            kit.process("\u00A0hello"); // NO-BREAK SPACE is not ASCII whitespace: a different word
            assertEquals(List.of(
                    "{\"total_processed\":1,\"counter_map\":{\"hello\":1}}",
                    "{\"total_processed\":2,\"counter_map\":{\"hello\":1,\"\u00A0hello\":1}}"), kit.drainOutputStrings());
        }
    }

    @Test
    void prefixesStateKeysWithTheTrimmedKeyPrefix() {
        try (OperatorTestKit kit = OperatorTestKit.of(new CounterOperator(), Map.of("key_prefix", "  p- \n"))) {
            kit.process("hello");
            assertEquals(Optional.of("1"), kit.stateAsString(STORE, "p-hello"));
            assertEquals(Optional.empty(), kit.stateAsString(STORE, "hello"));
            assertEquals(List.of("{\"total_processed\":1,\"counter_map\":{\"hello\":1}}"), kit.outputStrings(),
                    "counter_map holds the bare word");
        }
    }

    @Test
    void continuesStoredCountsAndTreatsUnparsableOnesAsZero() {
        try (OperatorTestKit kit = OperatorTestKit.of(new CounterOperator())) {
            Map<String, String> seeded = Map.of(
                    "plus", "+41", "neg", "-3", "junk", "12abc", "blank", "", "arabic", "\u0663",
                    "overflow", "9223372036854775808", "spaced", " 5");
            seeded.forEach((word, value) -> kit.store(STORE).putState(utf8(word), utf8(value)));
            Map<String, String> expected = Map.of(
                    "plus", "42", "neg", "-2", "junk", "1", "blank", "1", "arabic", "1", "overflow", "1", "spaced", "1");
            expected.forEach((word, count) -> {
                kit.process(word);
                assertEquals(Optional.of(count), kit.stateAsString(STORE, word), word);
            });
        }
    }

    @Test
    void sortsCounterMapByCodePointLikeGo() {
        try (OperatorTestKit kit = OperatorTestKit.of(new CounterOperator())) {
            // U+1F600 is a surrogate pair in UTF-16, so String.compareTo would put it before U+FF5E.
            kit.process("\uD83D\uDE00");
            kit.process("\uFF5E");
            kit.process("\u00E9");
            kit.process("b");
            // Jackson's byte output writes a character beyond U+FFFF as an escaped surrogate pair.
            assertEquals("{\"total_processed\":4,\"counter_map\":{\"b\":1,\"\u00E9\":1,\"\uFF5E\":1,\"\\uD83D\\uDE00\":1}}",
                    kit.drainOutputStrings().get(3));
        }
    }

    @Test
    void escapesJsonLikeJacksonAndTheCGuest() {
        try (OperatorTestKit kit = OperatorTestKit.of(new CounterOperator())) {
            kit.process("a\"b\\c\u0001d/<");
            assertEquals("{\"total_processed\":1,\"counter_map\":{\"a\\\"b\\\\c\\u0001d/<\":1}}", kit.drainOutputStrings().get(0));
        }
    }

    @Test
    void forwardsWatermarksToTargetZero() {
        try (OperatorTestKit kit = OperatorTestKit.of(new CounterOperator())) {
            kit.processWatermark(3, 1_000L);
            kit.processWatermark(-1L);
            assertEquals(List.of(new EmittedWatermark(0, 1_000L), new EmittedWatermark(0, -1L)), kit.watermarks());
            assertEquals(List.of(), kit.outputs());
        }
    }

    @Test
    void aNewInstanceContinuesStoredCountsButStartsItsOwnTotals() {
        try (InMemoryStateBackend backend = new InMemoryStateBackend()) {
            try (OperatorTestKit first = OperatorTestKit.builder(new CounterOperator()).stateBackend(backend).build()) {
                first.process("hello");
                first.process("hello");
            }
            CounterOperator reused = new CounterOperator(); // close forgets everything, so an instance may be reused
            try (OperatorTestKit second = OperatorTestKit.builder(reused).stateBackend(backend).build()) {
                second.process("hello");
                assertEquals(List.of("{\"total_processed\":1,\"counter_map\":{\"hello\":3}}"), second.outputStrings());
            }
            try (OperatorTestKit third = OperatorTestKit.builder(reused).stateBackend(backend).build()) {
                third.process("world");
                assertEquals(List.of("{\"total_processed\":1,\"counter_map\":{\"world\":1}}"), third.outputStrings());
            }
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
