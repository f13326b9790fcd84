package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * With Chicory's compiler, a function too large for one JVM method runs in Chicory's interpreter, and the
 * engine says so through SLF4J under the component's name.
 *
 * <p>Regression: Chicory's compiler printed a raw {@code Warning: using interpreted mode for WASM function
 * index: N} on {@code System.err}, bypassing the embedder's logging and naming no component (the CLI
 * showed it between the operator's records).
 */
class CompilerFallbackLogTest {
    /** A body of {@code n} times {@code (drop (i32.add (i32.const 1000) (i32.const 1000)))}. */
    private static byte[] hugeBody(int n) {
        byte[] body = new byte[1 + n * 8 + 1];
        int i = 0;
        body[i++] = 0; // no locals
        for (int k = 0; k < n; k++) {
            byte[] op = {0x41, (byte) 0xE8, 0x07, 0x41, (byte) 0xE8, 0x07, 0x6A, 0x1A};
            System.arraycopy(op, 0, body, i, op.length);
            i += op.length;
        }
        body[i] = 0x0B;
        return body;
    }

    @Test
    void aFunctionTooLargeForTheJvmIsLoggedNotPrinted() {
        Component c = Component.load(MinimalComponents.withFunctionBody(hugeBody(9_000)),
                ComponentOptions.builder().name("big-op").executionMode(ExecutionMode.CHICORY_COMPILER).build());
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            c.compile();
        } finally {
            System.setErr(original);
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("Warning:"), printed);
        // slf4j-simple (the test binding) writes to System.err: this is the engine's log line.
        assertTrue(printed.contains("io.fssdk.runtime.component - `big-op`, core module 0: 1 function(s) too large"),
                printed);
    }
}
