package io.fssdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counter command's {@code --checkpoint-every}, resume and {@code --no-resume}, in process. */
class CounterResumeTest {
    @TempDir
    Path tmp;

    private record Result(int code, List<String> out, String err) {
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--native", "--state-dir", tmp.resolve("state").toString()));
        all.addAll(List.of(args));
        int code = CounterMain.run(all.toArray(String[]::new), InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        return new Result(code, text.isEmpty() ? List.of() : List.of(text.split("\n")), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRerunResumesFromTheLatestCheckpointAndNoResumeStartsOver() throws Exception {
        Path words = Files.writeString(tmp.resolve("words.txt"), "a\nb\na\nc\na\n");
        Result first = run("--input", words.toString(), "--checkpoint-every", "2");
        assertEquals(0, first.code(), first.err());
        assertEquals(5, first.out().size());
        assertEquals("{\"total_processed\":5,\"counter_map\":{\"a\":3,\"b\":1,\"c\":1}}", first.out().get(4));

        // The final checkpoint covers all five lines: a rerun on the same input has nothing left to do.
        Result again = run("--input", words.toString(), "--checkpoint-every", "2");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("resuming from checkpoint 3 after input line 5"), again.err());
        assertEquals(List.of(), again.out());

        // A longer input continues after line 5, with the totals the checkpoint saved.
        Path more = Files.writeString(tmp.resolve("more.txt"), "a\nb\na\nc\na\nb\n");
        Result resumed = run("--input", more.toString());
        assertEquals(List.of("{\"total_processed\":6,\"counter_map\":{\"a\":3,\"b\":2,\"c\":1}}"), resumed.out());

        // --no-resume starts from the live state and the first line.
        Result fresh = run("--input", words.toString(), "--no-resume");
        assertEquals(0, fresh.code(), fresh.err());
        assertEquals(5, fresh.out().size());
        assertTrue(fresh.out().get(0).contains("\"a\":4"), fresh.out().get(0));
    }
}
