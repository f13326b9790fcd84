package io.fssdk.examples.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The example command end to end on a local Flink environment at parallelism 2 with the C counter (the
 * default): one line per word, and each word's last count is its number of occurrences.
 */
class FlinkCounterMainTest {
    @Test
    void countsWordsOnFlinkWithTheCComponent() {
        String input = "hello\n world \n\nhello\nhello\nworld\nflink\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = new CommandLine(new FlinkCounterMain().withStreams(new StringReader(input), out))
                .execute("--key-prefix", "ex-");
        assertEquals(0, code);
        List<String> lines = new String(bytes.toByteArray(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(6, lines.size(), lines::toString);
        assertEquals(3, max(lines, "hello"));
        assertEquals(2, max(lines, "world"));
        assertEquals(1, max(lines, "flink"));
        assertTrue(lines.stream().allMatch(l -> l.startsWith("{\"total_processed\":")), lines::toString);
    }

    private static long max(List<String> lines, String word) {
        Pattern p = Pattern.compile("\"" + word + "\":(\\d+)");
        long max = 0;
        for (String line : lines) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                max = Math.max(max, Long.parseLong(m.group(1)));
            }
        }
        return max;
    }
}
