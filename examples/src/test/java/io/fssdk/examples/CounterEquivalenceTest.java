package io.fssdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.Driver;
import io.fssdk.api.Store;
import io.fssdk.runtime.OperatorTestKit;
import io.fssdk.runtime.component.ExecutionMode;
import io.fssdk.runtime.processor.WasmDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The native counter ({@link CounterOperator}), the C counter component ({@code guests/c/counter.c}), the
 * Go one ({@code guests/go/main.go}, built by mainline Go into {@code counter-go.wasm}) and the Python one
 * ({@code guests/python/counter.py}, in the Python runtime component) are the same operator: fed the same
 * seeded random words they emit the same bytes and leave the same store. C and Go get 10,000 words; Python
 * gets the first {@value #PYTHON_WORDS} of them, because CPython interpreted by Chicory's interpreter runs
 * about 3 records a second on a busy 2-core machine (2.7 records/s measured, 2026-12-03; see the README). The words are valid UTF-8 drawn from ASCII (quotes, backslashes,
 * control characters, spaces to trim), two-byte UTF-8, the BMP above U+0800 (U+E000..U+FFFF included,
 * which UTF-16 order sorts differently) and astral planes (emoji), so every escaping and ordering rule
 * is hit. They come from a vocabulary of 200 words, so counts grow past one and each emitted map (the
 * counter emits all its counts per record) stays small enough for a quick test.
 */
class CounterEquivalenceTest {
    private static final int WORDS = 10_000;
    private static final int VOCABULARY = 200;
    private static final int PYTHON_WORDS = 40;
    private static final long SEED = 20261121L;

    private static String randomWord(Random r) {
        StringBuilder sb = new StringBuilder();
        int length = 1 + r.nextInt(r.nextInt(10) == 0 ? 12 : 5);
        for (int i = 0; i < length; i++) {
            int kind = r.nextInt(10);
            int cp;
            if (kind < 5) {
                cp = 'a' + r.nextInt(6); // few letters, so words repeat and counts grow
            } else if (kind == 5) {
                cp = r.nextInt(0x80); // ASCII, control characters, quotes and backslashes included
            } else if (kind == 6) {
                cp = 0x80 + r.nextInt(0x780); // two UTF-8 bytes
            } else if (kind == 7) {
                cp = r.nextBoolean() ? 0x800 + r.nextInt(0xD800 - 0x800) : 0xE000 + r.nextInt(0x2000);
            } else {
                cp = 0x10000 + r.nextInt(0x100000); // astral: a surrogate pair in Java, 4 bytes in UTF-8
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** Every byte key and value of the counter's store, in key order, decoded as UTF-8. */
    private static Map<String, String> contents(OperatorTestKit kit) {
        Store store = kit.store(CounterOperator.STORE_NAME);
        Map<String, String> out = new LinkedHashMap<>();
        for (byte[] key : store.listStates(new byte[0], new byte[0])) {
            out.put(new String(key, StandardCharsets.UTF_8),
                    new String(store.getState(key).orElseThrow(), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** {@code count} words from a seeded vocabulary; one in twenty has whitespace around it to trim. */
    private static List<String> words(long seed, int count) {
        Random random = new Random(seed);
        List<String> vocabulary = new ArrayList<>(VOCABULARY);
        for (int i = 0; i < VOCABULARY; i++) {
            vocabulary.add(randomWord(random));
        }
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String w = vocabulary.get(random.nextInt(VOCABULARY));
            words.add(random.nextInt(20) == 0 ? " " + w + "\t" : w);
        }
        return words;
    }

    /**
     * Feeds both counters the words in lockstep and compares each record as it comes: every output holds
     * all the counts so far, so keeping them all would cost hundreds of megabytes. Then compares stores.
     */
    private static void assertSameCounter(Driver expected, Driver actual, List<String> words) {
        Map<String, String> config = Map.of(CounterOperator.KEY_PREFIX, "eq-");
        try (OperatorTestKit a = OperatorTestKit.of(expected, config);
             OperatorTestKit b = OperatorTestKit.of(actual, config)) {
            for (int i = 0; i < words.size(); i++) {
                a.process(words.get(i));
                b.process(words.get(i));
                assertEquals(a.drainOutputStrings(), b.drainOutputStrings(),
                        "record " + i + " (`" + words.get(i) + "`)");
            }
            Map<String, String> store = contents(a);
            assertEquals(store, contents(b));
            assertTrue(store.size() > Math.min(words.size(), VOCABULARY) / 2, "distinct words: " + store.size());
        }
    }

    @Test
    void nativeAndComponentCountersEmitTheSameBytesAndLeaveTheSameStore() {
        Driver component = WasmDriver.builder()
                .component(CounterMain.class.getResource(CounterMain.COUNTER_COMPONENT)).build();
        assertSameCounter(new CounterOperator(), component, words(SEED, WORDS));
    }

    @Test
    void theGoCounterBuiltByMainlineGoIsTheSameOperator() {
        Driver go = WasmDriver.builder().component(Path.of("guests", "go", "counter-go.wasm")).build();
        assertSameCounter(new CounterOperator(), go, words(SEED, WORDS));
    }

    @Test
    void thePythonCounterInThePythonRuntimeIsTheSameOperator() {
        Driver python = PythonRuntimeFixture.driver("counter.py", Duration.ofSeconds(120));
        assertSameCounter(new CounterOperator(), python, words(SEED, WORDS).subList(0, PYTHON_WORDS));
    }

    @Test
    void theCounterOnOurCompilerMatchesTheNativeCounter() {
        // Differential check of the optimizing compiler on a real C guest: same bytes, same store.
        Driver component = WasmDriver.builder().executionMode(ExecutionMode.COMPILER)
                .component(CounterMain.class.getResource(CounterMain.COUNTER_COMPONENT)).build();
        assertSameCounter(new CounterOperator(), component, words(20261203L, WORDS / 2));
    }
}
