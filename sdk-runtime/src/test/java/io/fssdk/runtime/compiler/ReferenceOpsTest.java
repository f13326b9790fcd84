package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The function-references proposal compiled ({@code eh/references.wat}): {@code call_ref} (null traps, several
 * values each way, the tail form), {@code ref.as_non_null}, {@code br_on_null} and {@code br_on_non_null}, reference
 * locals' null default, on
 * ours (unsplit and split) against Chicory's interpreter.
 */
class ReferenceOpsTest {
    private static List<String> run(Instance instance) {
        List<String> out = new ArrayList<>();
        for (long k = 0; k < 3; k++) {
            for (long x : new long[] {-3, 0, 5}) {
                for (String export : List.of("apply", "orElse", "ifPresent")) {
                    out.add(InterpreterOracle.call(instance, export, k, x));
                }
            }
            out.add(InterpreterOracle.call(instance, "strict", k));
        }
        out.add(InterpreterOracle.call(instance, "pair", 41));
        out.add(InterpreterOracle.call(instance, "tail", 12));
        out.add(InterpreterOracle.call(instance, "nullLocals"));
        return out;
    }

    @ParameterizedTest(name = "split budget {0} (0: not split)")
    @ValueSource(ints = {0, 4})
    void compiledReferencesBehaveAsInterpreted(int budget) throws IOException {
        CompilerOptions options = InterpreterOracle.splitBy(budget);
        InterpreterOracle oracle = new InterpreterOracle("eh/references.wasm", options);
        List<String> expected = run(oracle.interpreted);
        assertEquals(expected, run(oracle.ours));
        for (String e : List.of("apply[0, 5] = trap", "apply[1, 5] = [10]", "apply[2, 5] = [25]", "strict[0] = trap",
                "strict[2] = [49]", "orElse[0, 5] = [-1]", "ifPresent[0, 5] = [105]", "ifPresent[1, 5] = [10]",
                "pair[41] = [45]", "tail[12] = [144]", "nullLocals[] = [3]")) {
            assertTrue(expected.contains(e), e + " in " + expected);
        }
    }
}
