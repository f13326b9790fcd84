package io.fssdk.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The peer comparison's coordinator ({@code benchmarks/peer/run.sh} runs it): starts every host at once
 * (ours on JDK 17 and on JDK 25, jco 1.4.4 on node, wasmtime 41) and runs the workloads one after another.
 * For each workload, every host loads it, warms up on its own, and then the hosts take turns: one short
 * window each per round, the order rotated every round. Only one host runs at any moment and all hosts
 * see the same machine within seconds of each other, so a ratio taken per round cancels most of what
 * other work on a shared machine does to the rates (sequential runs swung 0.19×–0.68× for one ratio).
 * The native Java column is served by the JDK 17 host: all JVM variants in one JVM, as the issue asks.
 *
 * <p>Options: {@code --root DIR --java17 BIN [--java25 BIN] [--node BIN --bench-mjs FILE --jco-out DIR]
 * [--wasmtime BIN] [--warmup S] [--rounds N] [--window MS] [--sm FILE --sm-kind greeter|processor]
 * [--sm-timeout S] [--only id,id] [--code-cache DIR] [--out FILE]}.
 */
public final class PeerRun {
    static final String OURS17 = "ours JDK 17";
    static final String OURS25 = "ours JDK 25";
    static final String JCO = "jco 1.4.4";
    static final String WASMTIME = "wasmtime 41";
    static final String NATIVE = "native Java";
    static final List<String> PEERS = List.of(JCO, WASMTIME);

    private final Map<String, String> opts;
    private final Map<String, PeerProcess> processes = new LinkedHashMap<>();
    private final Map<String, String> unavailable = new HashMap<>();
    private final List<Double> load = new ArrayList<>();

    private PeerRun(Map<String, String> opts) {
        this.opts = opts;
    }

    /** Runs the comparison and prints the report; exits 3 if an output check failed. */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        System.exit(new PeerRun(opts).run());
    }

    private String opt(String key, String fallback) {
        return opts.getOrDefault(key, fallback);
    }

    private int run() throws IOException {
        Path root = Path.of(opts.get("root")).toAbsolutePath();
        String words = root.resolve("benchmarks/src/main/resources/io/fssdk/benchmarks/words.txt").toString();
        int rounds = Integer.parseInt(opt("rounds", "8"));
        List<PeerSpec> specs = specs(root, words);
        String jar = Path.of(PeerRun.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        start(OURS17, opts.containsKey("java17") ? jvm(opts.get("java17"), jar) : null);
        start(OURS25, opts.containsKey("java25") ? jvm(opts.get("java25"), jar) : null);
        start(JCO, opts.containsKey("node")
                ? List.of(opts.get("node"), "--experimental-wasm-extended-const", opts.get("bench-mjs"), "--serve") : null);
        start(WASMTIME, opts.containsKey("wasmtime") ? List.of(opts.get("wasmtime")) : null);
        Map<PeerSpec, Map<String, PeerCell>> results = new LinkedHashMap<>();
        try {
            for (PeerSpec spec : specs) {
                results.put(spec, measure(spec, rounds));
            }
        } finally {
            processes.values().forEach(PeerProcess::close);
        }
        Map<String, String> versions = new LinkedHashMap<>();
        processes.forEach((k, p) -> versions.put(k, p.version()));
        PeerReport report = new PeerReport(results, versions, unavailable, load, opts);
        String text = report.markdown();
        System.out.println(text);
        if (opts.containsKey("out")) {
            Files.writeString(Path.of(opts.get("out")), text, StandardCharsets.UTF_8);
        }
        return report.checksPassed() ? 0 : 3;
    }

    private List<String> jvm(String java, String jar) {
        List<String> command = new ArrayList<>(List.of(java));
        if (opts.containsKey("code-cache")) {
            command.add("-Dfssdk.peer.codeCache=" + opts.get("code-cache"));
        }
        command.addAll(List.of("-cp", jar, PeerHost.class.getName()));
        return command;
    }

    private List<PeerSpec> specs(Path root, String words) {
        int loadTimeout = Integer.parseInt(opt("load-timeout", "600"));
        String counter = root.resolve("examples/guests/c/counter.wasm").toString();
        String guests = root.resolve("benchmarks/guests").toString();
        List<PeerSpec> all = new ArrayList<>(List.of(
                new PeerSpec("counter", "C counter, 100 words", "processor", counter, "words:" + words,
                        Optional.of("native:counter"), 300, loadTimeout),
                new PeerSpec("emit-once", "emit-once, 64-byte payload", "processor", guests + "/emit-once.wasm",
                        "payload64", Optional.of("native:emit-once"), 1, loadTimeout),
                new PeerSpec("host-get", "host-calls, 1,000 get-state per record", "processor",
                        guests + "/host-calls.wasm", "text:g1000", Optional.of("native:host-calls"), 0, loadTimeout),
                new PeerSpec("host-put", "host-calls, 1,000 put-state per record", "processor",
                        guests + "/host-calls.wasm", "text:p1000", Optional.of("native:host-calls"), 0, loadTimeout),
                new PeerSpec("js-counter", "QuickJS counter, 100 words", "processor",
                        root.resolve("examples/guests/js/counter.wasm").toString(), "words:" + words,
                        Optional.of("native:counter"), 300, loadTimeout)));
        if (opts.containsKey("sm")) {
            boolean processor = opt("sm-kind", "greeter").equals("processor");
            all.add(new PeerSpec("starlingmonkey", processor ? "StarlingMonkey counter, 100 words"
                    : "StarlingMonkey greet(\"world\")", processor ? "processor" : "greeter", opts.get("sm"),
                    processor ? "words:" + words : "text:world", Optional.empty(), processor ? 300 : 0,
                    Integer.parseInt(opt("sm-timeout", "300"))));
        }
        if (!opts.containsKey("only")) {
            return all;
        }
        List<String> only = List.of(opts.get("only").split(","));
        return all.stream().filter(s -> only.contains(s.id())).toList();
    }

    private void start(String column, List<String> command) {
        if (command == null) {
            unavailable.put(column, "not configured");
            return;
        }
        try {
            processes.put(column, new PeerProcess(column, command, Duration.ofSeconds(120)));
        } catch (IOException | RuntimeException e) {
            unavailable.put(column, "did not start: " + e.getMessage());
        }
    }

    /** The process that serves a column, if it runs; the native column is the JDK 17 JVM. */
    private Optional<PeerProcess> process(String column) {
        PeerProcess p = processes.get(column.equals(NATIVE) ? OURS17 : column);
        return p != null && p.alive() ? Optional.of(p) : Optional.empty();
    }

    private static String hostId(PeerSpec spec, String column) {
        return column.equals(NATIVE) ? spec.id() + "@native" : spec.id();
    }

    private Map<String, PeerCell> measure(PeerSpec spec, int rounds) {
        long warmupMs = Long.parseLong(opt("warmup", "6")) * 1000;
        long windowMs = Long.parseLong(opt("window", "1000"));
        Duration runTimeout = Duration.ofMillis(Math.max(warmupMs, windowMs) * 20 + 60_000);
        List<String> columns = List.of(OURS17, OURS25, JCO, WASMTIME, NATIVE);
        Map<String, PeerCell> cells = new LinkedHashMap<>();
        System.err.printf("[peer] %s%n", spec.title());
        for (String column : columns) {
            PeerCell cell = new PeerCell(rounds);
            cells.put(column, cell);
            Optional<PeerProcess> p = process(column);
            if (column.equals(NATIVE) && spec.nativeDriver().isEmpty()) {
                cell.fail("n/a");
            } else if (p.isEmpty()) {
                cell.fail(unavailable.getOrDefault(column.equals(NATIVE) ? OURS17 : column, "host stopped"));
            } else {
                load(spec, column, p.get(), cell);
            }
        }
        for (String column : columns) {
            ask(column, cells.get(column), "RUN " + hostId(spec, column) + " " + warmupMs, runTimeout);
        }
        for (int r = 0; r < rounds; r++) {
            load.add(PeerReport.loadAverage());
            for (int i = 0; i < columns.size(); i++) {
                // Rotate the order each round, so no host always runs right after another.
                String column = columns.get((i + r) % columns.size());
                PeerCell cell = cells.get(column);
                String reply = ask(column, cell, "RUN " + hostId(spec, column) + " " + windowMs, runTimeout);
                if (reply != null) {
                    cell.rate(r, Double.parseDouble(reply.split(" ")[2]));
                }
            }
        }
        if (spec.checkRecords() > 0) {
            for (String column : columns) {
                String reply = ask(column, cells.get(column), "CHECK " + hostId(spec, column) + " " + spec.checkRecords(),
                        Duration.ofMinutes(5));
                if (reply != null) {
                    String prefix = "LAST " + hostId(spec, column) + " ";
                    cells.get(column).last(reply.startsWith(prefix) ? reply.substring(prefix.length()) : "");
                }
            }
        }
        for (String column : columns) {
            if (cells.get(column).ok()) {
                ask(column, cells.get(column), "UNLOAD " + hostId(spec, column), Duration.ofMinutes(1));
            }
        }
        return cells;
    }

    private void load(PeerSpec spec, String column, PeerProcess p, PeerCell cell) {
        String path;
        if (column.equals(NATIVE)) {
            path = spec.nativeDriver().orElseThrow();
        } else if (column.equals(JCO)) {
            Path dir = Path.of(opt("jco-out", "")).resolve(spec.id());
            Path error = Path.of(opt("jco-out", "")).resolve(spec.id() + ".error");
            if (Files.exists(error)) {
                cell.fail("jco transpile failed: " + firstLine(error));
                return;
            }
            Path note = Path.of(opt("jco-out", "")).resolve(spec.id() + ".note");
            if (Files.exists(note)) {
                cell.note(firstLine(note));
            }
            path = dir.toString();
        } else {
            path = spec.component();
        }
        String reply = ask(column, cell, String.format(Locale.ROOT, "LOAD %s %s %s %s", hostId(spec, column),
                spec.kind(), path, spec.input()), Duration.ofSeconds(spec.loadTimeoutSeconds()));
        if (reply != null) {
            String[] t = reply.split(" ");
            cell.loaded(Double.parseDouble(t[2]), Double.parseDouble(t[3]), Double.parseDouble(t[4]));
            System.err.printf("[peer]   %-12s %s%n", column, reply);
        }
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).findFirst().orElse("(no message)");
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Sends a command for a cell that can still run; a failure is recorded in the cell, null returned. */
    private String ask(String column, PeerCell cell, String command, Duration timeout) {
        if (!cell.ok()) {
            return null;
        }
        Optional<PeerProcess> p = process(column);
        if (p.isEmpty()) {
            cell.fail("host stopped");
            return null;
        }
        try {
            return p.get().ask(command, timeout);
        } catch (PeerProcess.PeerException e) {
            cell.fail(e.getMessage());
            System.err.printf("[peer]   %-12s %s: %s%n", column, command.split(" ")[0], e.getMessage());
            return null;
        }
    }
}
