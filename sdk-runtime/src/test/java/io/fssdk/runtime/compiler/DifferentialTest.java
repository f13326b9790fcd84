package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Differential testing of our compiler against Chicory's interpreter (issue 10): seeded mutants of the
 * committed core modules (spec suite and guest fixtures) run on both engines with the same stub host imports
 * and the same export calls, and every observable ({@link DifferentialEngine}) must agree. The default run is
 * a fixed seed list of a few seconds; {@code -Dfssdk.diff.minutes=M} (and {@code -Dfssdk.diff.seed=S}) runs
 * seeds from S on for M minutes, which is what {@code scripts/differential.sh} does.
 */
class DifferentialTest {
    /** Fixture components whose core modules join the corpus; qjs is left out, its main module is 1 MB. */
    private static final String[] FIXTURES = {
        "/io/fssdk/runtime/component/kv-host.wasm", "/io/fssdk/runtime/component/strings.wasm",
        "/io/fssdk/runtime/component/primitives.wasm", "/io/fssdk/runtime/component/resources.wasm",
        "/io/fssdk/runtime/component/call-rules.wasm", "/io/fssdk/runtime/component/big-flat.wasm",
        "../examples/guests/c/counter.wasm", "../examples/guests/c/misbehave.wasm",
        "../examples/guests/c/store-checks.wasm",
    };

    /** Seeds the default run covers; chosen to keep the run at a few seconds. */
    static final int QUICK_SEEDS = 60;

    /** Counts of one run. */
    static final class Stats {
        int programs;
        int calls;
        int bothHung;
        int oneSidedTimeouts;
        int interpreterCrashes;
        /** Disagreements where Chicory's compiler agrees with ours: the interpreter's defects. */
        int interpreterDefects;
        int invalidMutants;
        int unsupported;
        final List<String> mismatches = new ArrayList<>();
    }

    private static List<byte[]> corpusSpec;
    private static List<byte[]> corpusFixtures;

    static synchronized void loadCorpus() throws IOException {
        if (corpusSpec != null) {
            return;
        }
        List<byte[]> spec = new ArrayList<>();
        try (InputStream in = DifferentialTest.class.getResourceAsStream("spec/spec-core.zip");
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith(".wasm")) {
                    spec.add(zip.readAllBytes());
                }
            }
        }
        List<byte[]> fixtures = new ArrayList<>();
        for (String f : FIXTURES) {
            for (byte[] m : FixturesCompileFullyTest.coreModules(FixturesCompileFullyTest.read(f))) {
                if (m.length < 400_000) {
                    fixtures.add(m);
                }
            }
        }
        corpusSpec = spec;
        corpusFixtures = fixtures;
    }

    /** Runs one seed: picks a module, mutates it until Chicory accepts it, compares both engines. */
    static void runSeed(long seed, Stats stats) {
        SplittableRandom rng = new SplittableRandom(seed);
        int source = rng.nextInt(6);
        boolean generated = source < 2;
        List<byte[]> from = source == 2 ? corpusFixtures : corpusSpec;
        byte[] base = generated ? null : from.get(rng.nextInt(from.size()));
        for (int attempt = 0; attempt < 30; attempt++) {
            // A few unmutated originals too: they check the plain fixtures and give the mutants a baseline.
            byte[] bytes = generated ? DifferentialGenerator.generate(rng)
                    : attempt == 0 && rng.nextInt(10) == 0 ? base : DifferentialMutator.mutate(base, rng);
            if (bytes == null) {
                return;
            }
            WasmModule module;
            try {
                module = Parser.parse(bytes);
            } catch (RuntimeException | AssertionError e) {
                // Chicory's parser checks some malformed input with assert statements, on in tests.
                if (generated) {
                    stats.mismatches.add("seed " + seed + ": generated module does not parse: " + e);
                    return;
                }
                stats.invalidMutants++;
                continue;
            }
            List<DifferentialEngine.Call> plan = plan(module, rng);
            List<String> expected;
            try {
                expected = new DifferentialEngine(module, null).run(plan);
            } catch (DifferentialEngine.Invalid e) {
                if (generated) {
                    stats.mismatches.add("seed " + seed + ": generated module is invalid: " + e);
                    return;
                }
                stats.invalidMutants++;
                continue;
            }
            stats.programs++;
            String dump = System.getProperty("fssdk.diff.dump");
            if (dump != null) {
                // For a replayed seed: the module as run, to read with wasm2wat.
                try {
                    java.nio.file.Files.write(java.nio.file.Path.of(dump + "-" + seed + ".wasm"), bytes);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            compare(seed, attempt, bytes, plan, expected, stats);
            return;
        }
    }

    private static void compare(long seed, int attempt, byte[] bytes, List<DifferentialEngine.Call> plan,
            List<String> expected, Stats stats) {
        // Every other seed forces every function into small regions: the generated functions are far too
        // small to be split for size, and region calls (exit codes, values carried out, exits passed on, the
        // memory refetched after them) must agree with the interpreter as much as plain code does.
        CompilerOptions options = seed % 2 == 0 ? CompilerOptions.DEFAULTS
                : CompilerOptions.splittingEverything(2 + (int) (seed % 7) * 3);
        String where = "seed " + seed + " attempt " + attempt + (options == CompilerOptions.DEFAULTS ? ""
                : " (split into regions of " + options.forcedSplitBudget() + ")");
        List<String> actual;
        try {
            // A module of its own: Chicory keeps a table's growth in the parsed module's Table, so an instance
            // of the module the interpreter ran would start with the tables that run left behind.
            WasmModule module = Parser.parse(bytes);
            CompiledWasm compiled = WasmCompiler.compile(module, options);
            actual = new DifferentialEngine(module, compiled).run(plan);
        } catch (DifferentialEngine.Invalid | RuntimeException | LinkageError e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("v128") || m.contains("shared memor") || m.contains("multiple memories")) {
                stats.unsupported++;
            } else {
                stats.mismatches.add(where + ": ours failed to compile or load a module Chicory runs: " + e);
            }
            return;
        }
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            String e = expected.get(i);
            String a = actual.get(i);
            boolean eh = e.endsWith(": " + DifferentialEngine.HUNG);
            boolean ah = a.endsWith(": " + DifferentialEngine.HUNG);
            if (eh || ah) {
                // Past a timeout the states may differ, so the comparison stops here either way.
                if (eh && ah) {
                    stats.bothHung++;
                } else {
                    stats.oneSidedTimeouts++;
                }
                return;
            }
            if (e.contains(": trap other ") && (e.contains("Exception") || e.contains("Error:"))) {
                // The interpreter itself failed (a NullPointerException or an array index out of bounds of its
                // own, seen on mutants): no wasm result to compare with, and the states may differ from here.
                stats.interpreterCrashes++;
                return;
            }
            stats.calls++;
            if (!e.equals(a)) {
                List<String> tie = tieBreak(bytes, plan);
                if (tie.equals(actual)) {
                    stats.interpreterDefects++;
                    return;
                }
                stats.mismatches.add(where + " step " + i + ":\n  interpreter: " + e + "\n  ours:        " + a
                        + "\n  chicory compiler: " + (i < tie.size() ? tie.get(i) : "(no such step)"));
                return;
            }
        }
        if (expected.size() != actual.size()) {
            stats.mismatches.add(where + ": " + expected.size() + " steps on the interpreter, " + actual.size()
                    + " on ours");
        }
    }

    /** The plan's trace on Chicory's compiler, or why it could not run the module. */
    private static List<String> tieBreak(byte[] bytes, List<DifferentialEngine.Call> plan) {
        try {
            return DifferentialEngine.chicoryCompiler(Parser.parse(bytes)).run(plan);
        } catch (DifferentialEngine.Invalid | RuntimeException e) {
            return List.of("Chicory's compiler failed: " + e);
        }
    }

    /** A few seeded calls of every exported function, then the same calls again so state carries over. */
    static List<DifferentialEngine.Call> plan(WasmModule m, SplittableRandom rng) {
        List<DifferentialEngine.Call> once = new ArrayList<>();
        int imported = m.importSection().count(ExternalType.FUNCTION);
        for (int i = 0; i < m.exportSection().exportCount(); i++) {
            Export ex = m.exportSection().getExport(i);
            if (ex.exportType() != ExternalType.FUNCTION || ex.index() < imported) {
                continue;
            }
            FunctionType t = m.typeSection().getType(m.functionSection().getFunctionType(ex.index() - imported));
            if (t.params().contains(ValType.V128) || t.returns().contains(ValType.V128)) {
                continue;
            }
            int calls = 1 + rng.nextInt(2);
            for (int c = 0; c < calls && once.size() < 24; c++) {
                long[] args = new long[t.params().size()];
                for (int a = 0; a < args.length; a++) {
                    args[a] = arg(t.params().get(a), rng);
                }
                once.add(new DifferentialEngine.Call(ex.name(), args));
            }
        }
        List<DifferentialEngine.Call> plan = new ArrayList<>(once);
        plan.addAll(once);
        return plan;
    }

    private static long arg(ValType t, SplittableRandom rng) {
        if (t.isReference()) {
            return -1;
        }
        int pick = rng.nextInt(8);
        if (t.equals(ValType.F32)) {
            float[] nice = {0f, -0f, 1f, -1.5f, Float.NaN, Float.POSITIVE_INFINITY, 3e9f, 65536f};
            return pick < 6 ? Float.floatToRawIntBits(nice[rng.nextInt(nice.length)]) : rng.nextInt();
        }
        if (t.equals(ValType.F64)) {
            double[] nice = {0d, -0d, 1d, -1.5d, Double.NaN, Double.NEGATIVE_INFINITY, 1e19, 4294967296d};
            return pick < 6 ? Double.doubleToRawLongBits(nice[rng.nextInt(nice.length)]) : rng.nextLong();
        }
        long v;
        if (pick < 2) {
            v = rng.nextInt(3) - 1;
        } else if (pick < 4) {
            v = rng.nextInt(64);
        } else if (pick < 6) {
            // Addresses in and just past the first pages, where loads and stores land or trap.
            v = rng.nextInt(4 * 65536);
        } else {
            v = rng.nextLong();
        }
        return t.equals(ValType.I32) ? (int) v : v;
    }

    static String summary(Stats s, long millis) {
        return "differential: " + s.programs + " programs tried, " + s.calls + " calls compared, "
                + s.mismatches.size() + " mismatches found (" + s.invalidMutants + " invalid mutants skipped, "
                + s.bothHung + " both hung, " + s.oneSidedTimeouts + " one-sided timeouts, " + s.interpreterCrashes
                + " interpreter crashes, " + s.interpreterDefects + " interpreter defects, " + s.unsupported
                + " unsupported) in " + millis + " ms";
    }

    /** {@code (func (export "f") (param i32) (result i32) (i32.div_s (i32.const 7) (local.get 0)))}. */
    private static final byte[] DIV = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f, 0x03, 0x02,
        0x01, 0x00, 0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00, 0x0a, 0x09, 0x01, 0x07, 0x00, 0x41, 0x07, 0x20, 0x00,
        0x6d, 0x0b,
    };

    @Test
    void theHarnessSeesResultsAndTrapKindsOnBothEngines() throws DifferentialEngine.Invalid {
        WasmModule m = Parser.parse(DIV);
        List<DifferentialEngine.Call> plan = List.of(new DifferentialEngine.Call("f", new long[] {2}),
                new DifferentialEngine.Call("f", new long[] {0}));
        List<String> interp = new DifferentialEngine(m, null).run(plan);
        List<String> ours = new DifferentialEngine(m, WasmCompiler.compile(m, CompilerOptions.DEFAULTS)).run(plan);
        assertEquals(interp, ours);
        assertEquals(3, ours.size());
        assertTrue(ours.get(1).startsWith("f[2]: returns [i32:3]"), ours.get(1));
        assertTrue(ours.get(2).startsWith("f[0]: trap divide by zero"), ours.get(2));
    }

    @Test
    void generatedModulesValidateAndRunTheSameTwice() throws DifferentialEngine.Invalid {
        for (long seed = 1; seed <= 5; seed++) {
            WasmModule m = Parser.parse(DifferentialGenerator.generate(new SplittableRandom(seed)));
            List<DifferentialEngine.Call> plan = plan(m, new SplittableRandom(seed));
            assertTrue(plan.size() >= 2, "every generated function is exported");
            assertEquals(new DifferentialEngine(m, null).run(plan), new DifferentialEngine(m, null).run(plan));
        }
    }

    @Test
    void mutantsAgreeWithTheInterpreter() throws IOException {
        loadCorpus();
        long minutes = Long.getLong("fssdk.diff.minutes", 0);
        long first = Long.getLong("fssdk.diff.seed", 1);
        Stats stats = new Stats();
        long t0 = System.currentTimeMillis();
        long stop = t0 + minutes * 60_000;
        for (long seed = first; minutes > 0 ? System.currentTimeMillis() < stop : seed < first + Long.getLong("fssdk.diff.count", QUICK_SEEDS);
                seed++) {
            long s0 = System.nanoTime();
            runSeed(seed, stats);
            if (System.getProperty("fssdk.diff.slow") != null && System.nanoTime() - s0 > 200_000_000L) {
                System.out.println("slow seed " + seed + ": " + (System.nanoTime() - s0) / 1_000_000 + " ms");
            }
        }
        System.out.println(summary(stats, System.currentTimeMillis() - t0));
        stats.mismatches.stream().limit(20).forEach(System.out::println);
        assertTrue(stats.calls > 0, "nothing was compared");
        assertEquals(List.of(), stats.mismatches);
    }
}
