package io.fssdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.Store;
import io.fssdk.api.spi.StoreNames;
import io.fssdk.store.rocksdb.RocksDBStateBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exactly-once under {@code kill -9}: the counter command runs as a child JVM on a RocksDB directory over
 * 20,000 seeded words with {@code --checkpoint-every 500}, is killed ({@link Process#destroyForcibly}) at a
 * random moment ten times, each time restarted and resuming from its latest checkpoint, and then runs to
 * the end. The final store must equal an uninterrupted run's, and the outputs, each run's taken up to the
 * point the next one resumed from, must concatenate to the uninterrupted run's outputs, line for line.
 * Kills land anywhere: while processing, while checkpointing, while restoring on start.
 */
class CounterCrashTest {
    private static final int WORDS = 20_000;
    private static final int KILLS = 10;
    private static final Pattern RESUMED = Pattern.compile("resuming from checkpoint \\d+ after input line (\\d+)");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"component", "native"})
    void killedTenTimesTheCounterEndsExactlyAsAnUninterruptedRun(String kind) throws Exception {
        // -Dfssdk.crashtest.seed=N varies the words and kill points; -Dfssdk.crashtest.repeat=N runs the whole
        // scenario N times in a row (each with its own seed), to show it passes reliably.
        long base = Long.getLong("fssdk.crashtest.seed", 0L);
        int repeat = Integer.getInteger("fssdk.crashtest.repeat", 1);
        for (int i = 0; i < repeat; i++) {
            Path dir = Files.createDirectories(tmp.resolve("scenario" + i));
            scenario(kind, kind.hashCode() ^ (base + i), dir);
            System.out.println("crash test (" + kind + "): scenario " + (i + 1) + " of " + repeat + " passed");
        }
    }

    private void scenario(String kind, long seed, Path tmp) throws Exception {
        Path words = tmp.resolve("words.txt");
        Files.write(words, words(new Random(seed)), StandardCharsets.UTF_8);

        Path reference = tmp.resolve("reference");
        List<String> expected = Arrays.asList(runInProcess(kind, words, reference).split("\n"));
        assertEquals(WORDS, expected.size());
        long bytesPerLine = expected.stream().mapToLong(l -> l.length() + 1).sum() / WORDS;

        Path state = tmp.resolve("state");
        Random random = new Random(seed);
        List<String> assembled = new ArrayList<>();
        int resumedMidway = 0;
        long previousStart = 0;
        // Where the next run will resume, about: the last checkpoint at or before what the last run printed.
        long expectedStart = 0;
        List<String> log = new ArrayList<>();
        for (int run = 0; run <= KILLS; run++) {
            Path out = tmp.resolve("run" + run + ".out");
            Path err = tmp.resolve("run" + run + ".err");
            Process child = child(kind, words, state, out, err);
            if (run < KILLS) {
                // Kill once the child has printed a random number of its remaining lines, or at once when it is
                // already done; a run may also die before printing anything, or while restoring.
                long remaining = Math.max(1, WORDS - expectedStart);
                long threshold = (random.nextInt(10) == 0 ? 0 : 1 + random.nextLong(remaining)) * bytesPerLine;
                waitForOutput(child, out, threshold);
                child.destroyForcibly();
            }
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "run " + run + " ended");
            if (run == KILLS) {
                assertEquals(0, child.exitValue(), () -> "the last run failed: " + read(err));
            }
            String errText = read(err);
            Matcher m = RESUMED.matcher(errText);
            List<String> lines = completeLines(out);
            boolean resumed = m.find();
            if (!resumed && lines.isEmpty()) {
                // Killed before it said where it resumed (starting up, restoring): it printed nothing either.
                log.add("run " + run + ": killed before resuming");
                continue;
            }
            // The command says where it resumes before its first output; no message means no checkpoint yet.
            long start = resumed ? Long.parseLong(m.group(1)) : 0;
            assertTrue(start >= previousStart, "run " + run + " resumed from line " + start
                    + " before line " + previousStart + "; " + errText);
            if (start > 0 && start < WORDS) {
                resumedMidway++;
            }
            // The previous runs' outputs count up to where this one resumed: what follows, this run redoes.
            while (assembled.size() > start) {
                assembled.remove(assembled.size() - 1);
            }
            assertEquals(start, assembled.size(), "run " + run + " resumed after line " + start
                    + " but only " + assembled.size() + " outputs were printed before");
            for (int i = 0; i < lines.size(); i++) {
                assertEquals(expected.get((int) start + i), lines.get(i), "run " + run + ", output " + i);
            }
            assembled.addAll(lines);
            previousStart = start;
            expectedStart = Math.min(WORDS, (start + lines.size()) / 500 * 500);
            log.add("run " + run + ": resumed after line " + start + ", printed " + lines.size() + " lines, exit "
                    + child.exitValue());
        }
        System.out.println("crash test (" + kind + "):\n  " + String.join("\n  ", log));
        assertEquals(expected, assembled, "the concatenated outputs");
        assertEquals(dump(reference), dump(state), "the final store");
        assertTrue(resumedMidway >= 3, "only " + resumedMidway + " runs resumed in the middle of the input");
    }

    private static List<String> words(Random random) {
        String[] vocabulary = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
            "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi",
            "psi", "omega", "ä", "日本", "\uD83D\uDE00"};
        List<String> out = new ArrayList<>(WORDS);
        for (int i = 0; i < WORDS; i++) {
            out.add(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return out;
    }

    private static String[] args(String kind, Path words, Path state) {
        List<String> args = new ArrayList<>(List.of("--input", words.toString(), "--state-dir", state.toString(),
                "--checkpoint-every", "500"));
        if (kind.equals("native")) {
            args.add("--native");
        }
        return args.toArray(String[]::new);
    }

    private static String runInProcess(String kind, Path words, Path state) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CounterMain.run(args(kind, words, state), InputStream.nullInputStream(),
                new PrintStream(out, false, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, () -> err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Process child(String kind, Path words, Path state, Path out, Path err) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", classPath(), CounterMain.class.getName()));
        command.addAll(List.of(args(kind, words, state)));
        return new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    /** The test's own class path (and module path, when surefire uses one), so the child runs this build. */
    private static String classPath() {
        String modules = System.getProperty("jdk.module.path");
        String classes = System.getProperty("java.class.path");
        return modules == null || modules.isEmpty() ? classes : classes + java.io.File.pathSeparator + modules;
    }

    private static void waitForOutput(Process child, Path out, long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (child.isAlive() && out.toFile().length() < bytes && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    /** The lines of {@code file} that end with a newline; a line cut by the kill is dropped. */
    private static List<String> completeLines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : Arrays.asList(text.substring(0, end).split("\n"));
    }

    /** Every byte key of the counter's store and its saved instance state, as text. */
    private static Map<String, String> dump(Path state) {
        Map<String, String> out = new TreeMap<>();
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(state);
             Store store = backend.openStore(
                     StoreNames.namespaced(CounterMain.DEFAULT_NAME, CounterOperator.STORE_NAME))) {
            for (byte[] key : store.listStates(new byte[0], new byte[0])) {
                out.put(new String(key, StandardCharsets.UTF_8),
                        new String(store.getState(key).orElseThrow(), StandardCharsets.UTF_8));
            }
            out.put("<instance>", store.get(CounterInstanceState.KEY).map(Arrays::toString).orElse("<none>"));
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
