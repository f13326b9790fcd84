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
 * The exception-handling proposal compiled ({@code eh/exceptions.wat}): {@code try_table} with every kind of
 * catch clause, {@code throw}, {@code throw_ref}, exceptions crossing calls and nested handlers, a trap that no
 * {@code catch_all} sees, and an exception that reaches the host. Each call runs on our compiler (unsplit, and
 * with every function cut into regions) and on Chicory's interpreter, which must agree call for call.
 */
class ExceptionHandlingTest {
    private static List<String> run(Instance instance) {
        List<String> out = new ArrayList<>();
        for (String export : List.of("classify", "nested", "trap", "uncaught", "loop")) {
            for (long x : new long[] {0, 1, 4, 9, 10, 15, 20, 25}) {
                out.add(InterpreterOracle.call(instance, export, x));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "split budget {0} (0: not split)")
    @ValueSource(ints = {0, 4})
    void compiledCodeCatchesAsTheInterpreterDoes(int budget) throws IOException {
        CompilerOptions options = InterpreterOracle.splitBy(budget);
        InterpreterOracle oracle = new InterpreterOracle("eh/exceptions.wasm", options);
        List<String> expected = run(oracle.interpreted);
        assertEquals(expected, run(oracle.ours));
        // The oracle's own answers, as the .wat says they must be.
        for (String e : List.of("classify[4] = [1112]", "classify[15] = [1416]", "classify[0] = [1002]",
                "classify[25] = [1001]", "trap[20] = trap", "uncaught[1] = exception tag 0 [3]", "loop[9] = [90]",
                "nested[1] = [2003]")) {
            assertTrue(expected.contains(e), e + " in " + expected);
        }
    }
}
