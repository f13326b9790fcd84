package io.fssdk.runtime.component.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns component text into binary with the external tool {@code jco parse} (wasm-tools). All texts of a run go
 * through one node process running {@code wat2wasm.mjs} against jco's JS API; should that fail as a whole, each
 * text is converted by spawning the {@code jco} CLI.
 */
final class WatConverter {
    private static final long BATCH_TIMEOUT_SECONDS = 600;
    private static final long SINGLE_TIMEOUT_SECONDS = 60;
    private static final Pattern TEXT_ERROR =
            Pattern.compile("line: (\\d+), col: (\\d+).*?kind: \\w+\\(\"(.*?)\"\\) \\}");

    /**
     * The outcome of one conversion: the binary, or the tool's complaint.
     *
     * @param wasm the binary, or null when the tool rejected the text
     * @param error the tool's message, or null on success
     */
    record Converted(byte[] wasm, String error) {
        boolean ok() {
            return wasm != null;
        }
    }

    private final Path jco;
    private final String node;
    private final Map<String, Converted> cache = new HashMap<>();

    WatConverter(Path jco, String node) {
        this.jco = Objects.requireNonNull(jco, "jco");
        this.node = Objects.requireNonNull(node, "node");
    }

    /** Whether the jco tool exists. */
    boolean available() {
        return Files.isExecutable(jco);
    }

    /** Converts the texts not converted yet, in one batch. */
    void prepare(Collection<String> texts) {
        List<String> todo = new ArrayList<>(new LinkedHashSet<>(texts));
        todo.removeIf(cache::containsKey);
        if (todo.isEmpty()) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("fssdk-spec-wat");
            try {
                for (int i = 0; i < todo.size(); i++) {
                    Files.writeString(dir.resolve(i + ".wat"), todo.get(i), StandardCharsets.UTF_8);
                }
                if (!runBatch(dir)) {
                    for (int i = 0; i < todo.size(); i++) {
                        runSingle(dir, i);
                    }
                }
                for (int i = 0; i < todo.size(); i++) {
                    cache.put(todo.get(i), collect(dir, i));
                }
            } finally {
                deleteTree(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while converting component text", e);
        }
    }

    /** The binary of {@code text}, converting it now when {@link #prepare} has not. */
    Converted convert(String text) {
        if (!cache.containsKey(text)) {
            prepare(List.of(text));
        }
        return cache.get(text);
    }

    private boolean runBatch(Path dir) throws IOException, InterruptedException {
        Path script = dir.resolve("wat2wasm.mjs");
        try (InputStream in = WatConverter.class.getResourceAsStream("wat2wasm.mjs")) {
            if (in == null) {
                return false;
            }
            Files.write(script, in.readAllBytes());
        }
        Process p;
        try {
            p = new ProcessBuilder(node, script.toString(), jco.toString(), dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("batch.log").toFile()).start();
        } catch (IOException noNode) {
            return false;
        }
        if (!p.waitFor(BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }

    private void runSingle(Path dir, int i) throws IOException, InterruptedException {
        Path log = dir.resolve(i + ".log");
        Process p = new ProcessBuilder(jco.toString(), "parse", dir.resolve(i + ".wat").toString(),
                "-o", dir.resolve(i + ".wasm").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(SINGLE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        if (!done || p.exitValue() != 0) {
            Files.deleteIfExists(dir.resolve(i + ".wasm"));
            Files.writeString(dir.resolve(i + ".err"), done ? Files.readString(log) : "jco parse timed out");
        }
    }

    private static Converted collect(Path dir, int i) throws IOException {
        Path wasm = dir.resolve(i + ".wasm");
        if (Files.exists(wasm)) {
            return new Converted(Files.readAllBytes(wasm), null);
        }
        Path err = dir.resolve(i + ".err");
        String msg = Files.exists(err) ? Files.readString(err) : "the converter produced nothing";
        return new Converted(null, tidy(msg.replaceAll("\\s+", " ").trim()));
    }

    /** wasm-tools' debug rendering of a text error, down to its message and position. */
    private static String tidy(String msg) {
        Matcher m = TEXT_ERROR.matcher(msg);
        return m.find() ? "jco parse: " + m.group(3) + " (line " + (Integer.parseInt(m.group(1)) + 1) + ", column "
                + (Integer.parseInt(m.group(2)) + 1) + ")" : msg;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
