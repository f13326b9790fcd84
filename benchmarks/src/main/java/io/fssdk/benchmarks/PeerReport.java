package io.fssdk.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The peer comparison's report, in Markdown: one row per workload (ours on JDK 17 and 25, jco, wasmtime,
 * native Java, the ratios to the best peer), the load timings, the output checks, and the machine.
 */
final class PeerReport {
    private static final List<String> COLUMNS = List.of(PeerRun.OURS17, PeerRun.OURS25, PeerRun.JCO,
            PeerRun.WASMTIME, PeerRun.NATIVE);

    private final Map<PeerSpec, Map<String, PeerCell>> results;
    private final Map<String, String> versions;
    private final Map<String, String> unavailable;
    private final List<Double> load;
    private final Map<String, String> opts;
    private boolean checksPassed = true;

    PeerReport(Map<PeerSpec, Map<String, PeerCell>> results, Map<String, String> versions,
               Map<String, String> unavailable, List<Double> load, Map<String, String> opts) {
        this.results = results;
        this.versions = versions;
        this.unavailable = unavailable;
        this.load = load;
        this.opts = opts;
    }

    /** The 1-minute load average now, or NaN where /proc is missing. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    boolean checksPassed() {
        return checksPassed;
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" on ").append(machine())
                .append(".\n");
        List<Double> l = load.stream().filter(v -> !Double.isNaN(v)).toList();
        if (!l.isEmpty()) {
            Samples s = Samples.of(l);
            b.append(String.format(Locale.ROOT, "1-minute load average during the rounds: median %.1f (%.1f–%.1f, %d samples).%n",
                    s.median(), s.min(), s.max(), s.count()));
        }
        b.append("Hosts: ");
        List<String> hosts = new ArrayList<>();
        versions.forEach((k, v) -> hosts.add(k + " = " + v));
        unavailable.forEach((k, v) -> hosts.add(k + ": " + v));
        b.append(String.join("; ", hosts)).append(".\n");
        b.append(String.format(Locale.ROOT, "Method: interleaved, %s s warm-up per host, then %s rounds of one %s-ms window per host,"
                        + " order rotated each round; ratios are medians of per-round ratios (quartiles in brackets).%n%n",
                opts.getOrDefault("warmup", "6"), opts.getOrDefault("rounds", "8"), opts.getOrDefault("window", "1000")));
        throughput(b);
        timings(b);
        checks(b);
        return b.toString();
    }

    private void throughput(StringBuilder b) {
        b.append("| Workload (records/s) | ").append(String.join(" | ", COLUMNS))
                .append(" | best peer | JDK 17 ÷ best peer | JDK 25 ÷ best peer |\n");
        b.append("|---|").append("---:|".repeat(COLUMNS.size())).append("---|---:|---:|\n");
        List<String> notes = new ArrayList<>();
        results.forEach((spec, cells) -> {
            b.append("| ").append(spec.title()).append(" |");
            for (String c : COLUMNS) {
                b.append(' ').append(cell(cells.get(c), notes)).append(" |");
            }
            Optional<String> best = bestPeer(cells);
            b.append(' ').append(best.orElse("–")).append(" |");
            for (String ours : List.of(PeerRun.OURS17, PeerRun.OURS25)) {
                b.append(' ').append(best.map(p -> ratio(cells.get(ours), cells.get(p))).orElse("–")).append(" |");
            }
            b.append('\n');
        });
        b.append("\nCells are `median ±spread` of the rounds, the spread being half the interquartile range as a"
                + " percentage of the median.\n");
        for (int i = 0; i < notes.size(); i++) {
            b.append("\n").append(i + 1).append(". ").append(notes.get(i));
        }
        b.append("\n\n");
    }

    private static String cell(PeerCell cell, List<String> notes) {
        Optional<Samples> s = cell.samples();
        if (s.isPresent() && cell.ok()) {
            String value = String.format(Locale.ROOT, "%,.0f ±%.0f%%", s.get().median(), s.get().spreadPercent());
            if (cell.note().isPresent()) {
                notes.add(cell.note().get());
                value += " [" + notes.size() + "]";
            }
            return value;
        }
        String why = cell.failure().orElse("no data");
        if (why.equals("n/a")) {
            return "–";
        }
        String shortWhy = why.length() > 300 ? why.substring(0, 300) + "…" : why;
        notes.add(shortWhy);
        return (s.isPresent() ? String.format(Locale.ROOT, "%,.0f, then ", s.get().median()) : "")
                + "failed [" + notes.size() + "]";
    }

    /** The faster of the peers (jco, wasmtime) by median rate, among those that ran every round. */
    private static Optional<String> bestPeer(Map<String, PeerCell> cells) {
        String best = null;
        double rate = 0;
        for (String p : PeerRun.PEERS) {
            PeerCell c = cells.get(p);
            Optional<Samples> s = c.samples();
            if (c.ok() && s.isPresent() && s.get().median() > rate) {
                best = p;
                rate = s.get().median();
            }
        }
        return Optional.ofNullable(best);
    }

    /** Median and quartiles of the per-round ratios ours / peer, over the rounds both ran. */
    private static String ratio(PeerCell ours, PeerCell peer) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < ours.rounds(); i++) {
            if (!Double.isNaN(ours.rate(i)) && !Double.isNaN(peer.rate(i))) {
                r.add(ours.rate(i) / peer.rate(i));
            }
        }
        if (r.isEmpty() || !ours.ok()) {
            return "–";
        }
        Samples s = Samples.of(r);
        return String.format(Locale.ROOT, "**%.2f×** (%.2f–%.2f)", s.median(), s.p25(), s.p75());
    }

    private void timings(StringBuilder b) {
        b.append("Load timings in ms: compile (parse + validate + compile the component) / instantiate + fs-init /"
                + " first record.\n\n");
        b.append("| Workload | ").append(String.join(" | ", COLUMNS.subList(0, 4))).append(" |\n");
        b.append("|---|").append("---:|".repeat(4)).append('\n');
        results.forEach((spec, cells) -> {
            b.append("| ").append(spec.title()).append(" |");
            for (String c : COLUMNS.subList(0, 4)) {
                PeerCell cell = cells.get(c);
                b.append(' ').append(Double.isNaN(cell.compileMs()) ? "–" : String.format(Locale.ROOT,
                        "%,.0f / %,.1f / %,.1f", cell.compileMs(), cell.initMs(), cell.firstMs())).append(" |");
            }
            b.append('\n');
        });
        b.append('\n');
    }

    private void checks(StringBuilder b) {
        b.append("Output checks (last record of a fresh instance after N records, compared across hosts):\n\n");
        results.forEach((spec, cells) -> {
            if (spec.checkRecords() == 0) {
                return;
            }
            Map<String, List<String>> byLine = new LinkedHashMap<>();
            cells.forEach((c, cell) -> cell.last().ifPresent(l -> byLine.computeIfAbsent(l, k -> new ArrayList<>()).add(c)));
            if (byLine.isEmpty()) {
                b.append("- ").append(spec.title()).append(": no host produced output\n");
            } else if (byLine.size() == 1) {
                String line = byLine.keySet().iterator().next();
                b.append("- ").append(spec.title()).append(", ").append(spec.checkRecords()).append(" records: **identical** in ")
                        .append(String.join(", ", byLine.values().iterator().next())).append(" (")
                        .append(line.length()).append(" bytes: `").append(line, 0, Math.min(60, line.length()))
                        .append(line.length() > 60 ? "…`)" : "`)").append('\n');
            } else {
                checksPassed = false;
                b.append("- ").append(spec.title()).append(": **MISMATCH**\n");
                byLine.forEach((line, cs) -> b.append("  - ").append(String.join(", ", cs)).append(": `")
                        .append(line).append("`\n"));
            }
        });
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException e) {
            // Not Linux: the CPU stays unnamed.
        }
        long memGb = Math.round(((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / 1e9);
        return String.format(Locale.ROOT, "%s, %d CPUs, %d GB RAM", cpu, Runtime.getRuntime().availableProcessors(), memGb);
    }
}
