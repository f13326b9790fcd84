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
 * Tail calls compiled ({@code eh/tailcalls.wat}): chains of a million calls by {@code return_call},
 * {@code return_call_indirect} and {@code return_call_ref}, which would overflow a JVM thread's stack as calls,
 * several results and none, and an exception thrown by a tail callee, on ours (unsplit and split) against
 * Chicory's interpreter.
 */
class TailCallTest {
    private static final long DEEP = 1_000_000;

    private static List<String> run(Instance instance) {
        List<String> out = new ArrayList<>();
        for (long n : new long[] {0, 7, DEEP}) {
            out.add(InterpreterOracle.call(instance, "count", n));
            out.add(InterpreterOracle.call(instance, "even", n));
            out.add(InterpreterOracle.call(instance, "evenT", n + 1));
            out.add(InterpreterOracle.call(instance, "sumTo", n));
        }
        out.add(InterpreterOracle.call(instance, "pair", 1));
        out.add(InterpreterOracle.call(instance, "catches", 21));
        return out;
    }

    @ParameterizedTest(name = "split budget {0} (0: not split)")
    @ValueSource(ints = {0, 4})
    void compiledTailCallsBehaveAsInterpreted(int budget) throws IOException {
        CompilerOptions options = InterpreterOracle.splitBy(budget);
        InterpreterOracle oracle = new InterpreterOracle("eh/tailcalls.wasm", options);
        List<String> expected = run(oracle.interpreted);
        assertEquals(expected, run(oracle.ours));
        for (String e : List.of("count[1000000] = [0]", "even[1000000] = [1]", "evenT[1000001] = [0]",
                "sumTo[1000000] = [1784293664]", "pair[1] = [999]", "catches[21] = [1042]")) {
            assertTrue(expected.contains(e), e + " in " + expected);
        }
    }
}
