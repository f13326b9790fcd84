package io.fssdk.benchmarks;

import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentOptions;
import io.fssdk.runtime.component.ExecutionMode;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import io.fssdk.runtime.processor.WasmDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The README's per-language table (issue 11): size, cold start and records/s of each counter guest, one
 * after the other in one JVM, on the in-memory backend. Cold start is load (parse and validate), then the
 * first record (instantiate, {@code fs-init}, one {@code fs-process}) counted from the end of the load, while a
 * large module still compiles in the background; "compiled after" is when compiling ended. The rate is then
 * taken over a fixed number of records of the 100 benchmark words. The Python runtime is
 * loaded by the driver's builder (a class-path resource, interpreted, so nothing to compile): its load is
 * the builder's time.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.fssdk.benchmarks.GuestSpeed [repo root] [guest ...]}, guests
 * {@code c go js sm python} (default: all but sm), each optionally with {@code :mode} (an {@link ExecutionMode},
 * e.g. {@code js:chicory_compiler}; default {@code compiler}) and {@code @records} (e.g. {@code js@5000}). Wall-clock figures from one run: a table for the README, not a
 * benchmark to compare runs with.
 */
public final class GuestSpeed {
    private GuestSpeed() {
    }

    /** Measures the guests named in {@code args} (after the repository root) and prints one Markdown row each. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        List<String> guests = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of("c", "go", "js", "python");
        System.out.println("| guest | mode | size | load | first record after load | compiled after load "
                + "| records/s (records) |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (String spec : guests) {
            // "js" runs in the default mode; "js:chicory_compiler" names another.
            // "js@5000" measures the rate over 5,000 records instead of the guest's default.
            int at = spec.indexOf('@');
            int records = at < 0 ? -1 : Integer.parseInt(spec.substring(at + 1));
            String named = at < 0 ? spec : spec.substring(0, at);
            String g = named.contains(":") ? named.substring(0, named.indexOf(':')) : named;
            ExecutionMode mode = named.contains(":")
                    ? ExecutionMode.valueOf(named.substring(named.indexOf(':') + 1).toUpperCase(Locale.ROOT))
                    : ExecutionMode.COMPILER;
            switch (g) {
                case "c" -> component("C counter", root.resolve("examples/guests/c/counter.wasm"), mode, records > 0 ? records : 20_000);
                case "go" -> component("Go counter", root.resolve("examples/guests/go/counter-go.wasm"), mode, records > 0 ? records : 2_000);
                case "js" -> component("JS counter (QuickJS)", root.resolve("examples/guests/js/counter.wasm"), mode, records > 0 ? records : 1_000);
                case "sm" -> component("JS counter (StarlingMonkey)",
                        root.resolve("examples/guests/js/counter-starlingmonkey.wasm"), mode, records > 0 ? records : 100);
                case "python" -> python(root.resolve("examples/guests/python/counter.py"), records > 0 ? records : 40);
                default -> throw new IllegalArgumentException("unknown guest " + g + " (c, go, js, sm, python)");
            }
        }
    }

    private static void component(String label, Path file, ExecutionMode mode, int records) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        long t0 = System.nanoTime();
        Component loaded = Component.load(bytes, ComponentOptions.builder().executionMode(mode).build());
        long t1 = System.nanoTime();
        // compile() starts a large module compiling in the background and returns: the first record is then
        // the interpreter's, as an embedder's would be.
        Component compiled = loaded.compile();
        WasmDriver driver = WasmDriver.builder().component(compiled).operatorName(label).build();
        measure(label, mode.name().toLowerCase(Locale.ROOT), bytes.length, t1 - t0, t1, compiled, driver, records);
    }

    private static void python(Path file, int records) {
        long t0 = System.nanoTime();
        WasmDriver driver = WasmDriver.builder().python(file).build(); // loads the runtime resource
        long t1 = System.nanoTime();
        measure("Python counter (runtime + counter.py)", "interpreter", -1, t1 - t0, t1, null, driver, records);
    }

    /**
     * Prints one row: the first record (instantiate, {@code fs-init}, one {@code fs-process}) right after loading,
     * when compiling ended (for a module compiled in the background), then the rate over {@code records}.
     */
    private static void measure(String label, String mode, long size, long loadNanos, long loadedAt,
            Component component, WasmDriver driver, int records) {
        byte[][] words = Fixtures.words();
        try (InMemoryStateBackend backend = new InMemoryStateBackend();
                OperatorRunner runner = OperatorRunner.builder().operatorName("speed").driver(driver)
                        .stateBackend(backend).outputSink((t, d) -> { }).build()) {
            runner.init();
            runner.process(0, words[0]);
            long first = System.nanoTime() - loadedAt;
            if (component != null) {
                component.compileAndWait();
            }
            long compiled = System.nanoTime() - loadedAt;
            runner.process(0, words[1]); // the first call after compiling switches to compiled code
            long t1 = System.nanoTime();
            // -Dfssdk.bench.window=N also prints the rate over each N records: how far JIT warm-up has got.
            int window = Integer.getInteger("fssdk.bench.window", 0);
            long windowStart = t1;
            for (int i = 1; i <= records; i++) {
                runner.process(0, words[i % words.length]);
                if (window > 0 && i % window == 0) {
                    long now = System.nanoTime();
                    System.err.printf(Locale.ROOT, "  %s: records %,d-%,d at %,.0f records/s%n", label, i - window + 1,
                            i, window / ((now - windowStart) / 1e9));
                    windowStart = now;
                }
            }
            double rate = records / ((System.nanoTime() - t1) / 1e9);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %,.0f (%,d) |%n", label, mode,
                    size < 0 ? "(runtime resource)" : String.format(Locale.ROOT, "%,d B", size), seconds(loadNanos),
                    seconds(first), component == null ? "—" : seconds(compiled), rate, records);
        }
    }

    private static String seconds(long nanos) {
        return nanos <= 0 ? "—" : String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
