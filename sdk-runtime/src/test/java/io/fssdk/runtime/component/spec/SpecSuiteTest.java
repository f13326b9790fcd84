package io.fssdk.runtime.component.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.fssdk.runtime.component.ComponentOptions;
import io.fssdk.runtime.component.ExecutionMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Runs the component-model reference tests (every suite directory under {@code test/} of
 * github.com/WebAssembly/component-model: values, resources, binary, validation, linking, async) against the
 * engine, one dynamic test per directive, and prints a summary per suite (also written to
 * {@code target/spec-report.txt}).
 *
 * <p>Skipped unless {@code -Dfssdk.spec.dir} (or env {@code FSSDK_SPEC_DIR}) names a local copy of the suites
 * (the repository's {@code test/} folder, or the repository itself), so that {@code mvn verify} needs no
 * suites. Once a copy is named, nothing is skipped quietly: a missing {@code jco} tool, which turns component
 * text into binary ({@code -Dfssdk.jco}, env {@code FSSDK_JCO}, default {@value #DEFAULT_JCO}), or a copy
 * without any {@code .wast} file fails the run. Nothing is downloaded; {@code scripts/spec-tests.sh} extracts
 * the suites from a local git mirror. Other settings: {@code fssdk.spec.suites} (comma-separated, default every
 * directory holding {@code .wast} files),
 * {@code fssdk.spec.timeout} (seconds per directive, default 30), {@code fssdk.spec.mode}
 * ({@code compiler} or {@code interpreter}), {@code fssdk.spec.verbose} ({@code true} lists every directive of
 * each reason, not one example), {@code fssdk.node} (default {@code node}).
 *
 * <p>A directive fails the test only when the engine misbehaves; features the engine reports as unsupported
 * (async, gated proposals) and directives the harness lacks are skipped (JUnit aborted), as are those depending on
 * a component that failed (counted as blocked).
 */
class SpecSuiteTest {
    static final String DEFAULT_JCO = "/opt/jco/node_modules/.bin/jco";

    @TestFactory
    Stream<DynamicNode> referenceTests() throws IOException {
        Path dir = specDir();
        assumeTrue(dir != null, "set -Dfssdk.spec.dir (or FSSDK_SPEC_DIR) to a copy of component-model's test/");
        Path jco = Path.of(setting("fssdk.jco", "FSSDK_JCO", DEFAULT_JCO));
        WatConverter converter = new WatConverter(jco, setting("fssdk.node", "FSSDK_NODE", "node"));
        // Regression: a missing jco used to skip everything, so the suites "passed" with 0 tests.
        assertTrue(converter.available(), "the jco tool " + jco + " is missing; set -Dfssdk.jco (FSSDK_JCO)");
        Duration timeout = Duration.ofSeconds(Long.parseLong(setting("fssdk.spec.timeout", "", "30")));
        ComponentOptions options = ComponentOptions.builder().executionMode(ExecutionMode.valueOf(
                setting("fssdk.spec.mode", "", "compiler").toUpperCase(Locale.ROOT))).build();
        Path report = Path.of(setting("fssdk.spec.report", "", "target/spec-report.txt"));
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, "");
        Set<String> nyi = notYetImplemented(dir);

        List<DynamicNode> suites = new ArrayList<>();
        List<String> allTexts = new ArrayList<>();
        String chosen = setting("fssdk.spec.suites", "", "");
        List<String> names = chosen.isBlank() ? suiteDirectories(dir) : List.of(chosen.split(","));
        assertFalse(names.isEmpty(), dir + " holds no suite directory with .wast files");
        for (String suite : names) {
            SuiteSummary summary = new SuiteSummary(suite.trim());
            List<DynamicNode> files = new ArrayList<>();
            for (Path file : wastFiles(dir.resolve(suite.trim()))) {
                String name = dir.relativize(file).toString();
                files.add(nyi.contains(name) ? skippedFile(name, summary)
                        : fileTests(name, Files.readString(file, StandardCharsets.UTF_8), converter, options,
                                timeout, summary, allTexts));
            }
            files.add(dynamicTest("summary", () -> {
                String text = summary.report(Boolean.parseBoolean(setting("fssdk.spec.verbose", "", "false")));
                System.out.println(text);
                Files.writeString(report, text + "\n", StandardOpenOption.APPEND);
            }));
            suites.add(dynamicContainer(suite.trim(), files.stream()));
        }
        converter.prepare(allTexts);
        return suites.stream();
    }

    private static DynamicNode fileTests(String name, String text, WatConverter converter, ComponentOptions options,
            Duration timeout, SuiteSummary summary, List<String> allTexts) {
        WastRunner runner;
        try {
            runner = new WastRunner(text, converter, options);
        } catch (RuntimeException e) {
            Outcome o = Outcome.failed(Outcome.HARNESS + "cannot read the script", e.getMessage());
            return dynamicTest(name, () -> {
                summary.add(name, o);
                fail(o.reason() + ": " + o.detail());
            });
        }
        allTexts.addAll(runner.componentTexts());
        // After a timeout the stuck call may still run on its thread, so the rest of the file is not run.
        AtomicReference<Outcome> stuck = new AtomicReference<>();
        return dynamicContainer(name, runner.directives().stream().map(d -> dynamicTest(
                "line " + d.line() + ": " + d.label(), () -> {
                    String where = name + ":" + d.line() + " " + d.label();
                    Outcome o;
                    if (stuck.get() != null) {
                        o = new Outcome(Outcome.Kind.BLOCKED, "blocked by: timeout", "");
                    } else {
                        try {
                            o = assertTimeoutPreemptively(timeout, () -> runner.run(d));
                        } catch (AssertionFailedError e) {
                            o = Outcome.failed("timeout after " + timeout.toSeconds() + "s", e.getMessage());
                            stuck.set(o);
                        }
                    }
                    summary.add(where, o);
                    judge(o);
                })));
    }

    private static void judge(Outcome o) {
        switch (o.kind()) {
            case FAILED:
                fail(o.reason() + (o.detail().isEmpty() ? "" : " -- " + o.detail()));
                break;
            case BLOCKED:
            case SKIPPED:
                abort(o.kind() + ": " + o.reason() + (o.detail().isEmpty() ? "" : " -- " + o.detail()));
                break;
            default:
                break;
        }
    }

    private static DynamicNode skippedFile(String name, SuiteSummary summary) {
        return dynamicTest(name, () -> {
            Outcome o = Outcome.skipped("listed in nyi.txt", "");
            summary.add(name, o);
            judge(o);
        });
    }

    /** Every directory directly under {@code dir} that holds {@code .wast} files, sorted. */
    private static List<String> suiteDirectories(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> dirs = s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
            List<String> out = new ArrayList<>();
            for (Path d : dirs) {
                if (!wastFiles(d).isEmpty()) {
                    out.add(d.getFileName().toString());
                }
            }
            return out;
        }
    }

    private static List<Path> wastFiles(Path suite) throws IOException {
        if (!Files.isDirectory(suite)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(suite)) {
            return s.filter(p -> p.toString().endsWith(".wast")).sorted().collect(Collectors.toList());
        }
    }

    private static Set<String> notYetImplemented(Path dir) throws IOException {
        Path nyi = dir.resolve("nyi.txt");
        if (!Files.exists(nyi)) {
            return Set.of();
        }
        return Files.readAllLines(nyi).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.startsWith("./") ? l.substring(2) : l).collect(Collectors.toSet());
    }

    /** The suites' directory: the setting itself, or its {@code test/} when it is a repository checkout. */
    private static Path specDir() {
        String s = setting("fssdk.spec.dir", "FSSDK_SPEC_DIR", "");
        if (s.isBlank()) {
            return null;
        }
        Path p = Path.of(s);
        if (Files.isDirectory(p.resolve("test").resolve("values"))) {
            return p.resolve("test");
        }
        return Files.isDirectory(p) ? p : null;
    }

    private static String setting(String property, String env, String fallback) {
        String v = System.getProperty(property);
        if ((v == null || v.isBlank()) && !env.isEmpty()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? fallback : v;
    }
}
