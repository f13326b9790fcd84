package io.fssdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, on a real RocksDB directory. */
class CounterMainTest {
    private static final String FIVE_LINES = """
            {"total_processed":1,"counter_map":{"hello":1}}
            {"total_processed":2,"counter_map":{"hello":1,"world":1}}
            {"total_processed":3,"counter_map":{"hello":2,"world":1}}
            {"total_processed":4,"counter_map":{"hello":3,"world":1}}
            {"total_processed":5,"counter_map":{"hello":3,"world":2}}
            """;

    @TempDir
    Path dir;

    /** What one run printed, and how it ended. */
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = CounterMain.run(args, new StringReader(stdin), o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String state() {
        return dir.resolve("state").toString();
    }

    @Test
    void printsOneJsonLinePerRecordAndNothingElse() {
        Run run = run("hello\nworld\nhello\nhello\nworld\n", "--state-dir", state());
        assertEquals(new Run(0, FIVE_LINES, ""), run);
    }

    @Test
    void aSecondRunOnTheSameStateContinuesTheCounts() {
        assertEquals(0, run("hello\nworld\nhello\nhello\nworld\n", "--state-dir", state()).exitCode());
        Run second = run("hello\n", "--state-dir", state());
        assertEquals(new Run(0, "{\"total_processed\":1,\"counter_map\":{\"hello\":4}}\n", ""), second);
    }

    @Test
    void readsAFileAndSkipsBlankLines() throws IOException {
        Path input = dir.resolve("words.txt");
        Files.writeString(input, "hello\r\n\r\n  \nworld", StandardCharsets.UTF_8);
        Run run = run("ignored\n", "--input", input.toString(), "--state-dir", state(), "--native");
        assertEquals(new Run(0, """
                {"total_processed":1,"counter_map":{"hello":1}}
                {"total_processed":2,"counter_map":{"hello":1,"world":1}}
                """, ""), run);
    }

    @Test
    void keyPrefixesKeepSeparateCounts() {
        run("hello\n", "--state-dir", state(), "--key-prefix", "a-");
        Run other = run("hello\n", "--state-dir", state(), "--key-prefix", "b-");
        assertEquals("{\"total_processed\":1,\"counter_map\":{\"hello\":1}}\n", other.out());
        Run again = run("hello\n", "--state-dir", state(), "--key-prefix", "a-");
        assertEquals("{\"total_processed\":1,\"counter_map\":{\"hello\":2}}\n", again.out());
    }

    @Test
    void theNativeCounterPrintsTheSameLines() {
        Run run = run("hello\nworld\nhello\nhello\nworld\n", "--state-dir", state(), "--native");
        assertEquals(new Run(0, FIVE_LINES, ""), run);
    }

    @Test
    void theNativeAndComponentCountersShareTheirState() {
        run("hello\nhello\n", "--state-dir", state(), "--native");
        Run component = run("hello\n", "--state-dir", state());
        assertEquals("{\"total_processed\":1,\"counter_map\":{\"hello\":3}}\n", component.out());
        Run again = run("hello\n", "--state-dir", state(), "--native");
        assertEquals("{\"total_processed\":1,\"counter_map\":{\"hello\":4}}\n", again.out());
    }

    @Test
    void wasmRunsTheComponentAtAPath() throws IOException {
        Path copy = dir.resolve("my-counter.wasm");
        Files.copy(Path.of("guests", "c", "counter.wasm"), copy);
        Run run = run("hello\nworld\nhello\nhello\nworld\n", "--wasm", copy.toString(), "--state-dir", state());
        assertEquals(new Run(0, FIVE_LINES, ""), run);
    }

    @Test
    void aConfigFileNamesTheOperatorAndConfiguresIt() throws IOException {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "name: words\ntype: processor\ninit_config:\n  key_prefix: c-\nextra: ignored\n");
        run("hello\n", "--config", config.toString(), "--state-dir", state());
        Run prefixed = run("hello\n", "--config", config.toString(), "--state-dir", state(), "--native");
        assertEquals("{\"total_processed\":1,\"counter_map\":{\"hello\":2}}\n", prefixed.out(), "same key_prefix");
        Run overridden = run("hello\n", "--config", config.toString(), "--key-prefix", "d-", "--state-dir", state());
        assertEquals("{\"total_processed\":1,\"counter_map\":{\"hello\":1}}\n", overridden.out());
    }

    @Test
    void aBadConfigOrComponentIsAUsageErrorAndOpensNoState() throws IOException {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "name: words\ntype: python\n");
        Run badType = run("hello\n", "--config", config.toString(), "--state-dir", state());
        assertEquals(2, badType.exitCode());
        assertTrue(badType.err().startsWith("counter: config_invalid: "), badType.err());
        assertTrue(badType.err().contains("only `processor` functions"), badType.err());

        Run missing = run("hello\n", "--wasm", dir.resolve("absent.wasm").toString(), "--state-dir", state());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("cannot read the component from file"), missing.err());

        Path notWasm = dir.resolve("not.wasm");
        Files.writeString(notWasm, "hello");
        Run invalid = run("hello\n", "--wasm", notWasm.toString(), "--state-dir", state());
        assertEquals(1, invalid.exitCode());
        assertTrue(invalid.err().startsWith("counter: runtime_invalid_driver: "), invalid.err());
        assertEquals("", missing.out() + invalid.out());
        assertTrue(Files.notExists(dir.resolve("state")), "nothing was opened");
    }

    @Test
    void usageErrorsExitWithTwo() {
        Run both = run("", "--native", "--wasm", "x.wasm");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        assertEquals("", both.out());
        assertEquals(2, run("", "--no-such-option").exitCode());
    }

    @Test
    void aMissingInputFileFailsWithOne() {
        Run run = run("", "--input", dir.resolve("absent.txt").toString(), "--state-dir", state());
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("counter: NoSuchFileException: "), run.err());
    }

    @Test
    void helpGoesToStdout() {
        Run run = run("", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--state-dir=DIR"), run.out());
    }
}
