package io.fssdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fssdk run} without Kafka: stdin, stdout and files. */
class RunFilesTest {
    @TempDir
    Path tmp;

    @Test
    void runsAPythonFunctionInTheBundledRuntime() {
        // The same counter as a Python operator (examples/guests/python/counter.py): the runtime component
        // ships in the jar (sdk-python-runtime), so no Python toolchain is needed. Slow (an 18 MB guest in the
        // interpreter), so two records.
        Cli.Result r = Cli.withStdin("hello\nhello\n", "run", "--config", Cli.COUNTER_CONFIG.toString(),
                "--python", Cli.ROOT.resolve("examples/guests/python/counter.py").toString(), "--input", "-",
                "--output", "-", "--state-dir", tmp.resolve("py").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                {"total_processed":1,"counter_map":{"hello":1}}
                {"total_processed":2,"counter_map":{"hello":2}}
                """, r.out());
    }

    @Test
    void runsTheCounterConfigOnStdinAndStdoutAndContinuesItsCountsOnTheNextRun() {
        String state = tmp.resolve("state").toString();
        Cli.Result first = Cli.withStdin("hello\nworld\nhello\n", "run", "--config", Cli.COUNTER_CONFIG.toString(),
                "--wasm", Cli.COUNTER_WASM.toString(), "--input", "-", "--output", "-", "--state-dir", state);
        assertEquals(0, first.exitCode(), first.err());
        assertEquals("""
                {"total_processed":1,"counter_map":{"hello":1}}
                {"total_processed":2,"counter_map":{"hello":1,"world":1}}
                {"total_processed":3,"counter_map":{"hello":2,"world":1}}
                """, first.out());
        assertEquals("", first.err());

        Cli.Result second = Cli.withStdin("hello\n", "run", "--config", Cli.COUNTER_CONFIG.toString(), "--wasm",
                Cli.COUNTER_WASM.toString(), "--input", "-", "--output", "-", "--state-dir", state);
        assertEquals(0, second.exitCode(), second.err());
        // The counts continue, and so do the counter's totals, saved at the first run's final checkpoint.
        assertEquals("{\"total_processed\":4,\"counter_map\":{\"hello\":3,\"world\":1}}\n", second.out());
    }

    @Test
    void compiledCodeIsKeptBetweenRunsUnlessTurnedOff() throws IOException {
        Path cache = tmp.resolve("code-cache");
        for (int run = 0; run < 2; run++) {
            Cli.Result r = Cli.withStdin("hello\n", "run", "--config", Cli.COUNTER_CONFIG.toString(), "--wasm",
                    Cli.COUNTER_WASM.toString(), "--input", "-", "--output", "-", "--state-dir",
                    tmp.resolve("state" + run).toString(), "--code-cache", cache.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertEquals("{\"total_processed\":1,\"counter_map\":{\"hello\":1}}\n", r.out(), "run " + run);
        }
        List<Path> entries;
        try (var files = Files.list(cache)) {
            entries = files.toList();
        }
        assertFalse(entries.isEmpty(), "the first run filled the cache");
        assertTrue(entries.stream().allMatch(p -> p.toString().endsWith(".bin")), entries::toString);

        Path unused = tmp.resolve("unused-cache");
        Cli.Result off = Cli.withStdin("hello\n", "run", "--config", Cli.COUNTER_CONFIG.toString(), "--wasm",
                Cli.COUNTER_WASM.toString(), "--input", "-", "--output", "-", "--state-dir",
                tmp.resolve("state-off").toString(), "--code-cache", unused.toString(), "--no-code-cache");
        assertEquals(0, off.exitCode(), off.err());
        assertFalse(Files.exists(unused), "--no-code-cache writes nothing");
    }

    @Test
    void aGuestStillCompilingWhenTheInputEndsIsCachedBeforeTheCommandReturns() throws IOException {
        // QuickJS compiles in the background while the first records run interpreted; compiler threads are
        // daemons, so the command waits for it, or the cache would never hold it and every run would start cold.
        Path cache = tmp.resolve("code-cache");
        String[] args = {"run", "--config", Cli.COUNTER_CONFIG.toString(), "--wasm",
            Cli.ROOT.resolve("examples/guests/js/counter.wasm").toString(), "--input", "-", "--output", "-",
            "--state-dir", tmp.resolve("state").toString(), "--code-cache", cache.toString()};
        Cli.Result first = Cli.withStdin("hello\n", args);
        assertEquals(0, first.exitCode(), first.err());
        long biggest;
        try (var files = Files.list(cache)) {
            biggest = files.mapToLong(p -> p.toFile().length()).max().orElse(0);
        }
        assertTrue(biggest > 1_000_000, "the interpreter's compiled code is in the cache: largest entry " + biggest);
        Cli.Result second = Cli.withStdin("hello\n", args);
        assertEquals(0, second.exitCode(), second.err());
        // The word's count is state, so it continues; this guest keeps its total in memory only.
        assertEquals("{\"total_processed\":1,\"counter_map\":{\"hello\":2}}\n", second.out());
        assertFalse(second.err().contains("finishing the compile"), "warm: " + second.err());
    }

    @Test
    void theProgressLineGoesToStderrWhenForced() {
        // Off by default when stderr is not a terminal (the first test's stderr is empty); --progress forces it.
        Cli.Result r = Cli.withStdin("a\nb\n", "run", "--config", Cli.COUNTER_CONFIG.toString(), "--wasm",
                Cli.COUNTER_WASM.toString(), "--input", "-", "--output", "-", "--state-dir",
                tmp.resolve("state").toString(), "--progress");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, r.out().lines().count(), r.out());
        assertTrue(r.err().contains("word-counter"), r.err());
        assertTrue(r.err().contains(" 2/? rec"), r.err());
        assertTrue(r.err().contains("| out 2 | err 0 | mem "), r.err());
    }

    @Test
    void readsAndWritesFilesAndCheckpointsTheState() throws IOException {
        Path in = Files.writeString(tmp.resolve("words.txt"), "a\nb\na\n");
        Path out = tmp.resolve("counts.jsonl");
        Path state = tmp.resolve("state");
        Cli.Result r = Cli.run("run", "--config", Cli.COUNTER_CONFIG.toString(), "--wasm",
                Cli.COUNTER_WASM.toString(), "--input", in.toString(), "--output", out.toString(), "--state-dir",
                state.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals("{\"total_processed\":3,\"counter_map\":{\"a\":2,\"b\":1}}", lines.get(2));
        // The run ended with a durable checkpoint (RocksDB keeps it beside the live directory).
        assertTrue(Files.isDirectory(Path.of(state + "-checkpoints", "1")), "checkpoint 1");
    }

    @Test
    void aRecordThatTrapsFailsTheRunWithOneLineAndWritesNothingOfItUnderTheDefaultPolicy() {
        Cli.Result r = Cli.withStdin("x\ntrap\ny\n", "run", "--config", Cli.COUNTER_CONFIG.toString(), "--wasm",
                Cli.MISBEHAVE_WASM.toString(), "--input", "-", "--output", "-", "--state-dir",
                tmp.resolve("s").toString());
        assertEquals(ExitCodes.RUN_FAILED, r.exitCode());
        assertEquals("x=1\n", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("fssdk: record 1 of stdin (source 0) failed: "), r.err());
        assertTrue(r.err().contains("fs-process"), r.err());
    }

    @Test
    void skipAndDeadLetterGoOnAfterAPoisonRecord() throws IOException {
        Cli.Result skip = Cli.withStdin("x\ntrap\ny\n", "run", "--config", Cli.COUNTER_CONFIG.toString(), "--wasm",
                Cli.MISBEHAVE_WASM.toString(), "--input", "-", "--output", "-", "--on-error", "skip",
                "--state-dir", tmp.resolve("s1").toString());
        assertEquals(0, skip.exitCode(), skip.err());
        assertEquals("x=1\ny=1\n", skip.out());

        Path dead = tmp.resolve("dead.jsonl");
        Cli.Result dl = Cli.withStdin("x\ntrap\ny\n", "run", "--config", Cli.COUNTER_CONFIG.toString(), "--wasm",
                Cli.MISBEHAVE_WASM.toString(), "--input", "-", "--output", "-", "--on-error", "dead-letter",
                "--dead-letter", dead.toString(), "--state-dir", tmp.resolve("s2").toString());
        assertEquals(0, dl.exitCode(), dl.err());
        assertEquals("x=1\ny=1\n", dl.out());
        List<String> letters = Files.readAllLines(dead, StandardCharsets.UTF_8);
        assertEquals(1, letters.size());
        String letter = letters.get(0);
        assertTrue(letter.startsWith("{\"operator\":\"word-counter\",\"export\":\"fs-process\",\"source_id\":0,"
                + "\"origin\":\"stdin\",\"offset\":1,\"error\":\""), letter);
        assertTrue(letter.contains("\"record_base64\":\"dHJhcA==\",\"record\":\"trap\"}"), letter);
        assertTrue(letter.contains("\"timestamp\":\"20"), letter);
    }

    @Test
    void deadLetterWithoutASinkIsAUsageError() {
        Cli.Result r = Cli.run("run", "--config", Cli.COUNTER_CONFIG.toString(), "--wasm",
                Cli.COUNTER_WASM.toString(), "--input", "-", "--on-error", "dead-letter", "--state-dir",
                tmp.resolve("s").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertEquals("fssdk: --on-error dead-letter needs --dead-letter FILE|kafka://HOST:PORT/TOPIC\n", r.err());
        assertFalse(Files.exists(tmp.resolve("s")), "nothing is created before the options are checked");
    }

    @Test
    void aMissingComponentABadConfigAndAPythonFunctionEachGiveOneClearLine() throws IOException {
        Cli.Result missing = Cli.run("run", "--config", Cli.COUNTER_CONFIG.toString(), "--wasm",
                tmp.resolve("nope.wasm").toString(), "--input", "-");
        assertEquals(ExitCodes.COMPONENT_INVALID, missing.exitCode());
        assertEquals("fssdk: component " + tmp.resolve("nope.wasm") + " does not exist\n", missing.err());

        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "name: x\ntype: processor\ninput-groups: []\n");
        Cli.Result config = Cli.run("run", "--config", bad.toString(), "--wasm", Cli.COUNTER_WASM.toString());
        assertEquals(ExitCodes.CONFIG_INVALID, config.exitCode());
        assertEquals("fssdk: " + bad + ": input-groups: must be a non-empty list of groups (and 1 more "
                + "problem(s); `fssdk validate` lists them)\n", config.err());

        Cli.Result python = Cli.run("run", "--config", Cli.COUNTER_CONFIG.toString(), "--python", "f.py");
        assertEquals(ExitCodes.COMPONENT_INVALID, python.exitCode());
        assertEquals(1, python.err().lines().count(), python.err());

        Cli.Result core = Cli.run("run", "--config", Cli.COUNTER_CONFIG.toString(), "--wasm",
                Cli.ROOT.resolve("benchmarks/guests/raw-emit.wasm").toString(), "--input", "-");
        assertEquals(ExitCodes.COMPONENT_INVALID, core.exitCode());
        assertTrue(core.err().contains("is a core WebAssembly module, not a component"), core.err());
    }
}
