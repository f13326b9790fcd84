package io.fssdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code fssdk inspect}, on every component committed to the repository. */
class InspectCommandTest {
    @Test
    void inspectsEveryCommittedComponent() throws IOException {
        List<Path> components = new ArrayList<>();
        List<Path> invalid = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Cli.ROOT)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".wasm")).toList()) {
                String rel = Cli.ROOT.relativize(p).toString();
                if (rel.contains("/target/") || rel.startsWith(".") || rel.contains("/node_modules/")
                        || !isComponent(p) || validatorOnly(p)) {
                    continue;
                }
                // Fixtures the engine must reject, by their directory or name.
                (rel.contains("/invalid/") || rel.contains(".invalid.") ? invalid : components).add(p);
            }
        }
        assertTrue(components.size() >= 20, "found " + components);
        List<String> failures = new ArrayList<>();
        for (Path p : components) {
            Cli.Result r = Cli.run("inspect", p.toString());
            if (r.exitCode() != 0 || !r.out().contains("core modules: ") || !r.out().contains("processor world")
                    || !r.out().contains("wit:\n  component {")) {
                failures.add(p + " -> " + r.exitCode() + " " + r.err() + r.out());
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + components.size() + " components failed:\n" + String.join("\n", failures));
        }
        for (Path p : invalid) {
            Cli.Result r = Cli.run("inspect", p.toString());
            assertEquals(ExitCodes.COMPONENT_INVALID, r.exitCode(), p + ": " + r.out());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("fssdk: component " + p + " "), r.err());
        }
    }

    @Test
    void printsTheCounterSizeModulesWorldAndWit() throws IOException {
        Cli.Result r = Cli.run("inspect", Cli.COUNTER_WASM.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("size: " + String.format(java.util.Locale.ROOT, "%,d",
                Files.size(Cli.COUNTER_WASM)) + " bytes\n"), r.out());
        assertTrue(r.out().contains("core modules: 3\n"), r.out());
        assertTrue(r.out().matches("(?s).*module 0 +[0-9,]+ bytes +[0-9,]+ functions \\([0-9,]+ defined, [0-9]+ imported\\).*"),
                r.out());
        assertTrue(r.out().contains("processor world (functionstream:core@0.1.0): matches\n"), r.out());
        assertTrue(r.out().contains("    export fs-process: func(source-id: u32, data: list<u8>);\n"), r.out());
        assertTrue(r.out().contains("    import functionstream:core/kv@0.1.0: interface {\n"), r.out());
    }

    @Test
    void namesWhatAComponentOfAnotherWorldLacks() {
        Path other = Cli.ROOT.resolve("sdk-runtime/src/test/resources/io/fssdk/runtime/component/primitives.wasm");
        Cli.Result r = Cli.run("inspect", other.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("processor world (functionstream:core@0.1.0): does not match\n"
                + "  missing: export `fs-process`\n"), r.out());
        // Running it is refused, with the same diagnosis on one line.
        Cli.Result run = Cli.run("run", "--config", Cli.COUNTER_CONFIG.toString(), "--wasm", other.toString(),
                "--input", "-");
        assertEquals(ExitCodes.COMPONENT_INVALID, run.exitCode());
        assertEquals("fssdk: component " + other + " is not a processor (functionstream:core@0.1.0): missing "
                + "export `fs-process`\n", run.err());
    }

    @Test
    void aCoreModuleAndAFileThatIsNotWebAssemblyAreNamedAsSuch() throws IOException {
        Path core = Cli.ROOT.resolve("benchmarks/guests/raw-emit.wasm");
        Cli.Result r = Cli.run("inspect", core.toString());
        assertEquals(ExitCodes.COMPONENT_INVALID, r.exitCode());
        assertEquals("fssdk: " + core + " is a core WebAssembly module, not a component; wrap it with "
                + "`wasm-tools component new` (or `jco new`)\n", r.err());
        Cli.Result text = Cli.run("inspect", Cli.COUNTER_CONFIG.toString());
        assertEquals(ExitCodes.COMPONENT_INVALID, text.exitCode());
        assertEquals("fssdk: " + Cli.COUNTER_CONFIG + " is not WebAssembly (no `\\0asm` header)\n", text.err());
    }

    private static boolean isComponent(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] h = in.readNBytes(8);
            return h.length == 8 && h[0] == 0 && h[1] == 'a' && h[2] == 's' && h[3] == 'm' && h[6] == 1 && h[7] == 0;
        }
    }

    /**
     * Whether the fixture's {@code .wat} source says it is valid for the validator only: it uses what the
     * engine validates but does not run (tags, shared memories, imported components), so loading it fails.
     */
    private static boolean validatorOnly(Path wasm) throws IOException {
        Path wat = wasm.resolveSibling(wasm.getFileName().toString().replaceFirst("\\.wasm$", ".wat"));
        return Files.exists(wat) && Files.readString(wat).contains(";; engine: validator only");
    }
}
