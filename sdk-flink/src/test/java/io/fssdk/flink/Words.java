package io.fssdk.flink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded test words and the C counter component of {@code examples/guests/c}. */
final class Words {
    /** The C counter, built by {@code examples/guests/c/build.sh} and committed; tests run in sdk-flink/. */
    static final Path COUNTER_WASM = Path.of("..", "examples", "guests", "c", "counter.wasm");

    private Words() {
    }

    /**
     * {@code count} words drawn from a seeded vocabulary of {@code vocabulary} short words (ASCII and
     * multi-byte UTF-8), so counts grow past one and every word's count is checked many times.
     */
    static List<String> seeded(long seed, int count, int vocabulary) {
        Random random = new Random(seed);
        List<String> vocab = new ArrayList<>(vocabulary);
        for (int i = 0; i < vocabulary; i++) {
            StringBuilder sb = new StringBuilder();
            int length = 1 + random.nextInt(6);
            for (int j = 0; j < length; j++) {
                int kind = random.nextInt(8);
                sb.appendCodePoint(kind < 6 ? 'a' + random.nextInt(8) : kind == 6 ? 0xE0 + random.nextInt(0x20)
                        : 0x1F600 + random.nextInt(0x40));
            }
            // A number keeps every vocabulary entry distinct however the letters fall.
            vocab.add(sb.append(i).toString());
        }
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            words.add(vocab.get(random.nextInt(vocabulary)));
        }
        return words;
    }
}
