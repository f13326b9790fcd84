package io.fssdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.Store;
import io.fssdk.api.spi.StateBackend;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.store.rocksdb.RocksDBStateBackend;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    private static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = CounterMain.run(args, new ByteArrayInputStream(stdin), o, e);
        }
        // stdout as ISO-8859-1: one char per byte, so raw (even invalid UTF-8) output compares exactly.
        return new Run(code, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.UTF_8));
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
    void aStateDirectoryFromBeforeStoreNamespacesIsCarriedOver() {
        // Issue 13: the previous release kept the counter's store under its bare name. Write a directory as it
        // did (a backend that belongs to one operator makes the runner use bare names, as it then always did).
        try (RocksDBStateBackend rocks = RocksDBStateBackend.open(Path.of(state()));
             OperatorRunner old = OperatorRunner.builder().operatorName(CounterMain.DEFAULT_NAME)
                     .driver(new CounterOperator()).stateBackend(legacyLayout(rocks)).build()) {
            old.init();
            for (String word : List.of("hello", "world", "hello", "hello", "world")) {
                old.process(0, word.getBytes(StandardCharsets.UTF_8));
            }
        }
        Run second = run("hello\n", "--state-dir", state());
        assertEquals(new Run(0, "{\"total_processed\":1,\"counter_map\":{\"hello\":4}}\n", ""), second);
        Run third = run("hello\n", "--state-dir", state(), "--native");
        assertEquals("{\"total_processed\":1,\"counter_map\":{\"hello\":5}}\n", third.out(), "migrated once");
        try (RocksDBStateBackend rocks = RocksDBStateBackend.open(Path.of(state()));
             Store legacy = rocks.openStore(CounterOperator.STORE_NAME)) {
            assertEquals("3", new String(legacy.getState(utf8("hello")).orElseThrow(), StandardCharsets.UTF_8),
                    "the bare store is left as the old release wrote it");
        }
    }

    /** {@code backend} as the runner of the previous release used it: every store under its bare name. */
    private static StateBackend legacyLayout(StateBackend backend) {
        return new StateBackend() {
            @Override
            public Store openStore(String name) {
                return backend.openStore(name);
            }

            @Override
            public boolean scopedToOneOperator() {
                return true;
            }

            @Override
            public void close() {
            }
        };
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
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
    void aGuestStillCompilingWhenTheInputEndsIsCompiledIntoTheCodeCacheSoTheNextRunStartsCompiled()
            throws IOException {
        // QuickJS's core module is over the size that compiles eagerly, so the run counts in the interpreter
        // while it compiles in the background; compiler threads are daemons, so without waiting for it the
        // cache would only ever hold the small modules and every run would start cold.
        Path cache = dir.resolve("code-cache");
        String[] args = {"--wasm", Path.of("guests", "js", "counter.wasm").toString(), "--state-dir", state(),
            "--code-cache", cache.toString(), "--deadline", "120"};
        Run first = run("hello\n", args);
        assertEquals(0, first.exitCode(), first.err());
        long biggest;
        try (Stream<Path> entries = Files.list(cache)) {
            biggest = entries.mapToLong(p -> p.toFile().length()).max().orElse(0);
        }
        assertTrue(biggest > 1_000_000, "the interpreter's compiled code is in the cache: largest entry " + biggest);

        Run second = run("hello\n", args);
        assertEquals(new Run(0, "{\"total_processed\":1,\"counter_map\":{\"hello\":2}}\n", ""), second,
                "warm from the cache: nothing left to compile at the end");
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
        // Regression: a missing --wasm said `from file X: X`, a garbage one exited 1 though documented as 2.
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "name: words\ntype: python\n");
        Run badType = run("hello\n", "--config", config.toString(), "--state-dir", state());
        assertEquals(2, badType.exitCode());
        assertTrue(badType.err().startsWith("counter: config_invalid: "), badType.err());
        assertTrue(badType.err().contains("only `processor` functions"), badType.err());

        Path absent = dir.resolve("absent.wasm");
        Run missing = run("hello\n", "--wasm", absent.toString(), "--state-dir", state());
        assertEquals(new Run(2, "", "counter: --wasm " + absent + ": no such file\n"), missing);
        Run directory = run("hello\n", "--wasm", dir.toString(), "--state-dir", state());
        assertEquals(new Run(2, "", "counter: --wasm " + dir + ": is a directory\n"), directory);

        Path notWasm = dir.resolve("not.wasm");
        Files.writeString(notWasm, "hello");
        Run invalid = run("hello\n", "--wasm", notWasm.toString(), "--state-dir", state());
        assertEquals(2, invalid.exitCode());
        assertTrue(invalid.err().startsWith("counter: runtime_invalid_driver: "), invalid.err());
        assertEquals("", invalid.out());
        assertTrue(Files.notExists(dir.resolve("state")), "nothing was opened");
    }

    @Test
    void yamlProblemsAreUsageErrorsInOneLine() throws IOException {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "name: words\ntype: processor\n---\nname: other\ntype: processor\n");
        Run second = run("hello\n", "--config", config.toString(), "--state-dir", state());
        assertEquals(2, second.exitCode());
        assertTrue(second.err().contains("a second YAML document"), second.err());
        Files.writeString(config, "name: words\ntype: processor\ninit_config:\n  a: b: c\n");
        Run syntax = run("hello\n", "--config", config.toString(), "--state-dir", state());
        assertEquals(2, syntax.exitCode());
        assertTrue(syntax.err().startsWith("counter: config_invalid: " + config + ":4:7: not valid YAML: "), syntax.err());
        assertEquals(2, syntax.err().lines().count(), "one line, and the hint about --verbose: " + syntax.err());
        Run verbose = run("hello\n", "--config", config.toString(), "--state-dir", state(), "--verbose");
        assertTrue(verbose.err().contains("^"), "--verbose shows the parser's full report: " + verbose.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        Run both = run("", "--native", "--wasm", "x.wasm");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        assertEquals("", both.out());
        assertEquals(2, run("", "--no-such-option").exitCode());
        assertEquals(2, run("", "--mode", "jit").exitCode());
        assertEquals(2, run("", "--native", "--mode", "interpreter").exitCode());
        assertEquals(2, run("", "--deadline", "-1").exitCode());
    }

    @Test
    void aMissingInputFileIsAUsageErrorToo() {
        // Regression: it exited 1 with `NoSuchFileException: <path>`, while a missing --wasm exited 2.
        Path absent = dir.resolve("absent.txt");
        Run run = run("", "--input", absent.toString(), "--state-dir", state());
        assertEquals(new Run(2, "", "counter: --input " + absent + ": no such file\n"), run);
    }

    @Test
    void aBadStateDirectoryIsSaidInASentence() throws IOException {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        Run notDir = run("hello\n", "--state-dir", file.toString());
        assertEquals(new Run(2, "", "counter: --state-dir " + file + " is not a directory\n"), notDir);
        Path under = file.resolve("state");
        Run cannotCreate = run("hello\n", "--state-dir", under.toString());
        assertEquals(new Run(2, "", "counter: cannot create --state-dir " + under + ": " + file
                + " is not a directory\n"), cannotCreate);
    }

    @Test
    void aStateDirectoryInUseByAnotherProcessSaysSo() throws Exception {
        // Another JVM holds RocksDB's LOCK file (RocksDB locks it with fcntl, as FileChannel.lock does).
        Path state = dir.resolve("state");
        assertEquals(0, run("hello\n", "--state-dir", state.toString()).exitCode());
        Path holder = dir.resolve("Hold.java");
        Files.writeString(holder, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class Hold {
                    public static void main(String[] a) throws Exception {
                        try (FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.WRITE);
                             var lock = c.lock()) {
                            System.out.println("locked");
                            System.in.read(); // until the test closes our stdin
                        }
                    }
                }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, holder.toString(), state.resolve("LOCK").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            assertEquals("locked", new String(p.getInputStream().readNBytes(6), StandardCharsets.UTF_8));
            Run locked = run("hello\n", "--state-dir", state.toString());
            assertEquals(1, locked.exitCode());
            assertTrue(locked.err().startsWith("counter: cannot open the state: state directory `"
                    + state.toAbsolutePath() + "` is in use by another process (RocksDB LOCK)"), locked.err());
            assertEquals("", locked.out());
        } finally {
            p.getOutputStream().close();
            p.waitFor();
        }
    }

    @Test
    void aTrapSaysWhatHappenedToTheRecordAndTheState() {
        // Regression: the CLI passed on "the next call starts a fresh one" while it was exiting.
        Run run = run("a\ntrap\nb\n", "--wasm", Path.of("guests", "c", "misbehave.wasm").toString(),
                "--state-dir", state());
        assertEquals(1, run.exitCode());
        assertEquals("a=1\n", run.out());
        assertTrue(run.err().startsWith("counter: stopped at line 2: operator_failed: operator `misbehave`"), run.err());
        assertTrue(run.err().contains("Line 2 was not completed"), run.err());
        assertTrue(run.err().contains("The 1 line(s) before it are counted in " + state()), run.err());
        assertFalse(run.err().contains("next call"), run.err());
    }

    @Test
    void eachLinesRawBytesAreTheRecord() {
        // Regression: lines were decoded as UTF-8, so different invalid byte strings became the same
        // U+FFFD string and shared one count. The C counter counts bytes: two keys.
        byte[] in = {'a', (byte) 0xFF, '\n', 'a', (byte) 0xFE, '\n', 'a', (byte) 0xFF, '\n'};
        Run component = run(in, "--state-dir", state());
        assertEquals(new Run(0, """
                {"total_processed":1,"counter_map":{"a\u00ff":1}}
                {"total_processed":2,"counter_map":{"a\u00fe":1,"a\u00ff":1}}
                {"total_processed":3,"counter_map":{"a\u00fe":1,"a\u00ff":2}}
                """, ""), component, "stdout is compared byte for byte (read as ISO-8859-1)");
        // The native counter counts text and rejects the record, naming the byte.
        Run nativeRun = run(in, "--state-dir", dir.resolve("n").toString(), "--native");
        assertEquals(1, nativeRun.exitCode());
        assertTrue(nativeRun.err().contains("the record is not valid UTF-8 (byte 0xff at offset 1)"), nativeRun.err());
    }

    @Test
    void theModeOptionChoosesTheInterpreter() {
        Run run = run("hello\nworld\nhello\nhello\nworld\n", "--state-dir", state(), "--mode", "interpreter",
                "--deadline", "0");
        assertEquals(new Run(0, FIVE_LINES, ""), run);
    }

    @Test
    void aGuestsOwnOutputGoesToStderrPrefixedUnlessQuiet() {
        String chatty = Path.of("guests", "c", "chatty.wasm").toString();
        Run run = run("x\ny\n", "--wasm", chatty, "--state-dir", state());
        assertEquals(new Run(0, "x\ny\n", "[chatty] seen x\n[chatty] said x\n[chatty] seen y\n[chatty] said y\n"), run);
        Run quiet = run("x\n", "--wasm", chatty, "--state-dir", state(), "--quiet");
        assertEquals(new Run(0, "x\n", ""), quiet);
    }

    @Test
    void helpGoesToStdoutAndListsTheExitCodes() {
        Run run = run("", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--state-dir=DIR"), run.out());
        assertTrue(run.out().contains("Exit codes:"), run.out());
        assertTrue(run.out().contains("2   usage error"), run.out());
    }
}
