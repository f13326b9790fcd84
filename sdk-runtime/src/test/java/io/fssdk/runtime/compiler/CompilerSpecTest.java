package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The WebAssembly core spec tests (MVP, bulk memory, reference types; see {@code spec/build.sh}) on Chicory's
 * interpreter and on our compiler: ours must pass every command the interpreter passes. Chicory's compiler is
 * a third column when {@code -Dfssdk.spec.chicoryCompiler=true} (it compiles each of ~1,900 modules slowly).
 */
class CompilerSpecTest {
    private static Map<String, byte[]> load() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (InputStream in = CompilerSpecTest.class.getResourceAsStream("spec/spec-core.zip");
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName().replaceFirst("^\\./", ""), zip.readAllBytes());
            }
        }
        return files;
    }

    @Test
    void oursPassesEverythingTheInterpreterPasses() throws IOException {
        Map<String, byte[]> files = load();
        ObjectMapper json = new ObjectMapper();
        boolean chicoryCompiler = Boolean.getBoolean("fssdk.spec.chicoryCompiler");
        List<String> regressions = new ArrayList<>();
        int[] totals = new int[6];
        StringBuilder table = new StringBuilder(String.format("%-22s %12s %12s%s%n", "script", "interpreter",
                "ours", chicoryCompiler ? "  chicory-compiler" : ""));
        for (String name : files.keySet()) {
            if (!name.endsWith(".json")) {
                continue;
            }
            JsonNode script = json.readTree(files.get(name));
            SpecScript.Result interp = new SpecScript(SpecScript.Engine.INTERPRETER, files).run(script);
            SpecScript.Result ours = new SpecScript(SpecScript.Engine.OURS, files).run(script);
            String cc = "";
            if (chicoryCompiler) {
                SpecScript.Result c = new SpecScript(SpecScript.Engine.CHICORY_COMPILER, files).run(script);
                cc = String.format("  %d/%d", c.passed, c.passed + c.failed);
                totals[4] += c.passed;
                totals[5] += c.passed + c.failed;
            }
            table.append(String.format("%-22s %12s %12s%s%n", name.replace(".json", ""),
                    interp.passed + "/" + (interp.passed + interp.failed),
                    ours.passed + "/" + (ours.passed + ours.failed), cc));
            totals[0] += interp.passed;
            totals[1] += interp.passed + interp.failed;
            totals[2] += ours.passed;
            totals[3] += ours.passed + ours.failed;
            Set<Integer> oursPassed = new HashSet<>(ours.passedLines);
            for (int line : interp.passedLines) {
                if (!oursPassed.contains(line)) {
                    regressions.add(name + ":" + line + " " + ours.failures);
                    break;
                }
            }
        }
        table.append(String.format("%-22s %12s %12s%s%n", "TOTAL", totals[0] + "/" + totals[1],
                totals[2] + "/" + totals[3], chicoryCompiler ? "  " + totals[4] + "/" + totals[5] : ""));
        System.out.println(table);
        assertTrue(regressions.isEmpty(), "commands the interpreter passes but ours fails:\n"
                + String.join("\n", regressions));
    }
}
