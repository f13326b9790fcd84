package io.fssdk.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns one JMH JSON result file into the Markdown tables of BENCHMARKS.md: medians with their spread,
 * the ratios the targets are stated in (each from the same run), and MET or MISSED per target. Sections
 * whose benchmarks did not run are left out, so a partial run still reports what it measured.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.fssdk.benchmarks.BenchReport [--load FILE] results.json...}
 */
public final class BenchReport {
    private final Results results;
    private final Optional<Samples> load;
    private final PrintStream out;

    private BenchReport(Results results, Optional<Samples> load, PrintStream out) {
        this.results = results;
        this.load = load;
        this.out = out;
    }

    /**
     * Prints the report for the JMH JSON files given (results of several runs are pooled, as when the
     * quick mode runs the cold-start benchmarks separately). {@code --load FILE} names a file of 1-minute
     * load averages sampled during the run, one per line.
     */
    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        Optional<Samples> load = Optional.empty();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--load") && i + 1 < args.length) {
                List<Double> values = Files.readAllLines(Path.of(args[++i])).stream()
                        .filter(l -> !l.isBlank()).map(Double::parseDouble).toList();
                load = values.isEmpty() ? Optional.empty() : Optional.of(Samples.of(values));
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: BenchReport [--load loadavg-samples.txt] <jmh-results.json>...");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        new BenchReport(Results.read(files), load, out).print();
    }

    private void print() {
        out.printf("Measured %s on %s, %d CPUs, %s %s.%n", LocalDate.now(), cpuModel(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"));
        load.ifPresent(l -> out.printf("1-minute load average during the run: median %.1f (%.1f–%.1f, %d samples).%n",
                l.median(), l.min(), l.max(), l.count()));
        out.println();
        out.println("Cells are `median ±spread`, the spread being half the interquartile range as a percentage"
                + " of the median. Ratios are of medians, with the range the quartiles allow in brackets.");
        counter();
        abiTax();
        hostCalls();
        startUp();
        scaling();
        stateSize();
        all();
    }

    private void counter() {
        String b = "CounterBenchmark.process";
        if (results.find(b).isEmpty()) {
            return;
        }
        heading("1. Counter throughput (records/s, 100 distinct words)");
        out.println("| Engine | In-memory | RocksDB |");
        out.println("|---|---:|---:|");
        for (Engine e : Engine.values()) {
            out.printf("| %s | %s | %s |%n", e, cell(b, "engine", e.name(), "backend", "MEMORY"),
                    cell(b, "engine", e.name(), "backend", "ROCKSDB"));
        }
        out.println();
        out.println("| WASM ÷ native | In-memory | RocksDB |");
        out.println("|---|---:|---:|");
        for (Engine e : new Engine[] {Engine.WASM_COMPILER, Engine.WASM_INTERPRETER}) {
            out.printf("| %s | %s | %s |%n", e, ratio(b, e, "MEMORY"), ratio(b, e, "ROCKSDB"));
        }
        target("WASM counter (compiler) ≥ 0.9× native Java on RocksDB",
                pair(b, new String[] {"engine", "WASM_COMPILER", "backend", "ROCKSDB"},
                        new String[] {"engine", "NATIVE", "backend", "ROCKSDB"}).map(r -> r.value() >= 0.9),
                pair(b, new String[] {"engine", "WASM_COMPILER", "backend", "ROCKSDB"},
                        new String[] {"engine", "NATIVE", "backend", "ROCKSDB"}).map(Samples.Ratio::format));
    }

    private String ratio(String b, Engine e, String backend) {
        return pair(b, new String[] {"engine", e.name(), "backend", backend},
                new String[] {"engine", "NATIVE", "backend", backend}).map(Samples.Ratio::format).orElse("–");
    }

    private void abiTax() {
        if (results.find("AbiTaxBenchmark.rawChicory").isEmpty()) {
            return;
        }
        heading("2. Canonical-ABI tax (ns per fs-process of a 64-byte payload, emitted once)");
        out.println("| Mode | raw Chicory | same module on Chicory | WasmDriver | WasmDriver, bump allocator | runner"
                + " | WasmDriver ÷ raw | WasmDriver ÷ same module | bump ÷ raw | runner ÷ raw |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        String raw = "AbiTaxBenchmark.rawChicory";
        String same = "AbiTaxBenchmark.rawChicorySameModule";
        String driver = "AbiTaxBenchmark.wasmDriver";
        for (String mode : new String[] {"COMPILER", "CHICORY_COMPILER", "INTERPRETER"}) {
            String[] p = {"mode", mode};
            out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", mode, cell(raw, p), cell(same, p),
                    cell(driver, p), cell("AbiTaxBenchmark.wasmDriverBumpAlloc", p),
                    cell("AbiTaxBenchmark.runner", p), over(driver, raw, p), over(driver, same, p),
                    over("AbiTaxBenchmark.wasmDriverBumpAlloc", raw, p), over("AbiTaxBenchmark.runner", raw, p));
        }
        // Issue 10's target is against Chicory's compiler running the same core module (the guest's malloc and
        // free on both sides); the older one is against the allocator-free hand-written floor.
        Optional<Samples.Ratio> sameTax = results.find(driver, "mode", "COMPILER")
                .flatMap(d -> results.find(same, "mode", "COMPILER").map(d::over));
        target("canonical-ABI tax (WasmDriver ÷ Chicory's compiler on the same core module) ≤ 2×",
                sameTax.map(r -> r.value() <= 2), sameTax.map(Samples.Ratio::format));
        Optional<Samples.Ratio> tax = results.find(driver, "mode", "COMPILER")
                .flatMap(d -> results.find(raw, "mode", "COMPILER").map(d::over));
        target("canonical-ABI tax (WasmDriver ÷ the hand-written floor on raw Chicory, compiler) ≤ 1.3×",
                tax.map(r -> r.value() <= 1.3), tax.map(Samples.Ratio::format));
    }

    private String over(String a, String b, String[] params) {
        return results.find(a, params).flatMap(x -> results.find(b, params).map(x::over))
                .map(Samples.Ratio::format).orElse("–");
    }

    private void hostCalls() {
        String b = "HostCallBenchmark.process";
        if (results.find(b).isEmpty()) {
            return;
        }
        heading("3. Host-call cost (ns per call from the guest, runtime compiler, through the runner)");
        out.printf("Each fs-process makes %d calls on one 8-byte key; the empty fs-process is subtracted.%n%n",
                HostCallBenchmark.CALLS);
        out.println("| Backend | empty fs-process (ns) | get-state (ns/call) | put-state (ns/call) |");
        out.println("|---|---:|---:|---:|");
        for (String backend : new String[] {"MEMORY", "ROCKSDB"}) {
            Optional<Samples> empty = results.find(b, "calls", "empty", "backend", backend);
            out.printf("| %s | %s | %s | %s |%n", backend, cell(b, "calls", "empty", "backend", backend),
                    perCall(results.find(b, "calls", "get", "backend", backend), empty),
                    perCall(results.find(b, "calls", "put", "backend", backend), empty));
        }
    }

    private static String perCall(Optional<Samples> calls, Optional<Samples> empty) {
        if (calls.isEmpty() || empty.isEmpty()) {
            return "–";
        }
        Samples c = calls.get();
        Samples e = empty.get();
        int n = HostCallBenchmark.CALLS;
        return String.format("%.0f (%.0f–%.0f)", (c.median() - e.median()) / n, (c.p25() - e.p75()) / n,
                (c.p75() - e.p25()) / n);
    }

    private void startUp() {
        if (results.find("ColdStartBenchmark.engine").isPresent()) {
            heading("4a. Cold start in a fresh JVM (ms, one call per fork)");
            out.println("| Mode | engine: parse + compile + instantiate | operator: + WasmDriver, runner, fs-init |");
            out.println("|---|---:|---:|");
            for (String mode : new String[] {"COMPILER", "CHICORY_COMPILER", "INTERPRETER"}) {
                out.printf("| %s | %s | %s |%n", mode, cell("ColdStartBenchmark.engine", "mode", mode),
                        cell("ColdStartBenchmark.operator", "mode", mode));
            }
        }
        if (results.find("ExtraInstanceBenchmark.operator").isPresent()) {
            heading("4b. One more instance of the compiled counter (µs)");
            out.println("| engine: instantiate | operator: WasmDriver + runner + fs-init + close |");
            out.println("|---:|---:|");
            out.printf("| %s | %s |%n", cell("ExtraInstanceBenchmark.engine"), cell("ExtraInstanceBenchmark.operator"));
            Optional<Samples> op = results.find("ExtraInstanceBenchmark.operator");
            target("an extra instance ≤ 1 ms (operator, µs)", op.map(s -> s.median() <= 1000),
                    op.map(s -> String.format("%.0f µs (%.0f–%.0f)", s.median(), s.p25(), s.p75())));
        }
    }

    private void scaling() {
        if (results.find("ScalingBenchmark.oneInstance").isEmpty()) {
            return;
        }
        heading("5. Scaling (records/s summed over threads, in-memory, each thread its own instance)");
        out.println("| Engine | 1 instance, 1 thread | 2 instances, 2 threads | speed-up (ideal 2×) |"
                + " speed-up ÷ control's |");
        out.println("|---|---:|---:|---:|---:|");
        Optional<Samples.Ratio> control = results.find("ScalingBenchmark.controlTwoThreads")
                .flatMap(two -> results.find("ScalingBenchmark.controlOneThread").map(two::over));
        for (String e : new String[] {"NATIVE", "WASM_COMPILER"}) {
            String[] p = {"engine", e};
            Optional<Samples.Ratio> speedUp = results.find("ScalingBenchmark.twoInstances", p)
                    .flatMap(two -> results.find("ScalingBenchmark.oneInstance", p).map(two::over));
            out.printf("| %s | %s | %s | %s | %s |%n", e, cell("ScalingBenchmark.oneInstance", p),
                    cell("ScalingBenchmark.twoInstances", p), speedUp.map(Samples.Ratio::format).orElse("–"),
                    speedUp.flatMap(s -> control.map(c -> String.format("%.2f", s.value() / c.value()))).orElse("–"));
        }
        out.printf("| control (CPU-only loop, ops/s) | %s | %s | %s | 1 |%n",
                cell("ScalingBenchmark.controlOneThread"), cell("ScalingBenchmark.controlTwoThreads"),
                control.map(Samples.Ratio::format).orElse("–"));
    }

    private void stateSize() {
        String b = "StateSizeBenchmark.batch";
        if (results.find(b).isEmpty()) {
            return;
        }
        heading("6. State size (records/s on RocksDB, words drawn uniformly from all keys)");
        out.println("| Engine | 10,000 keys | 10,000,000 keys | 10M ÷ 10K |");
        out.println("|---|---:|---:|---:|");
        for (String e : new String[] {"NATIVE", "WASM_COMPILER"}) {
            out.printf("| %s | %s | %s | %s |%n", e, cell(b, "engine", e, "keys", "10000"),
                    cell(b, "engine", e, "keys", "10000000"),
                    pair(b, new String[] {"engine", e, "keys", "10000000"}, new String[] {"engine", e, "keys", "10000"})
                            .map(Samples.Ratio::format).orElse("–"));
        }
    }

    private void all() {
        heading("All results");
        out.println("| Benchmark | Parameters | Threads | Unit | Median | p25–p75 | min–max | n |");
        out.println("|---|---|---:|---|---:|---:|---:|---:|");
        for (Results.Entry e : results.entries()) {
            Samples s = e.samples();
            String params = e.params().entrySet().stream().map(x -> x.getKey() + "=" + x.getValue())
                    .collect(Collectors.joining(", "));
            out.printf("| %s | %s | %d | %s | %s | %s–%s | %s–%s | %d |%n", e.name(), params, e.threads(), e.unit(),
                    num(s.median()), num(s.p25()), num(s.p75()), num(s.min()), num(s.max()), s.count());
        }
    }

    private Optional<Samples.Ratio> pair(String bench, String[] a, String[] b) {
        return results.find(bench, a).flatMap(x -> results.find(bench, b).map(x::over));
    }

    private String cell(String bench, String... params) {
        return results.find(bench, params)
                .map(s -> String.format("%s ±%.0f%%", num(s.median()), s.spreadPercent()))
                .orElse("–");
    }

    private void target(String what, Optional<Boolean> met, Optional<String> value) {
        out.println();
        out.printf("**Target: %s — %s** (%s)%n", what,
                met.map(m -> m ? "MET" : "MISSED").orElse("NOT MEASURED"), value.orElse("–"));
    }

    private void heading(String title) {
        out.println();
        out.println("### " + title);
        out.println();
    }

    private static String num(double v) {
        if (Math.abs(v) >= 100) {
            return String.format("%,.0f", v);
        }
        return Math.abs(v) >= 1 ? String.format("%.2f", v) : String.format("%.4f", v);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
