package io.fssdk.runtime.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import io.fssdk.runtime.OperatorTestKit;
import io.fssdk.runtime.component.binary.ComponentParser;
import io.fssdk.runtime.component.binary.CoreModule;
import io.fssdk.runtime.component.binary.Definition;
import io.fssdk.runtime.compiler.WasmCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A guest from a real toolchain with vector code: {@code counter-simd.wasm} is the C counter built by clang at
 * {@code -O3 -msimd128} ({@code examples/guests/c/build.sh}), whose loops clang vectorized. It must count
 * exactly as the scalar build does, record for record and key for key.
 */
class SimdGuestTest {
    private static List<String> outputs(String fixture, List<String> words, List<String> probes,
            List<Optional<String>> state) {
        WasmDriver driver = WasmDriver.builder().component(GuestFixtures.component(fixture)).operatorName("counter")
                .build();
        try (OperatorTestKit kit = OperatorTestKit.builder(driver).operatorName("counter")
                .config(Map.of("key_prefix", "k-")).build()) {
            for (String w : words) {
                kit.process(w);
            }
            for (String p : probes) {
                state.add(kit.stateAsString("counter-store", "k-" + p));
            }
            return kit.drainOutputStrings();
        }
    }

    @Test
    void theVectorizedCounterCountsAsTheScalarOneDoes() {
        byte[] component = GuestFixtures.bytes("counter-simd.wasm");
        boolean vectors = false;
        for (Definition d : ComponentParser.parse(component).definitions()) {
            if (d instanceof CoreModule m) {
                vectors |= WasmCompiler.usesVectors(Parser.parse(m.bytes().toByteArray()));
            }
        }
        assertTrue(vectors, "clang emitted vector instructions");

        // Words of every length up to 70 bytes, padded with spaces the counter trims: vectorized loops take
        // 16 bytes at a time, with a scalar tail.
        Random random = new Random(20261204);
        List<String> words = new ArrayList<>();
        List<String> probes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int len = 1 + random.nextInt(70);
            StringBuilder w = new StringBuilder();
            for (int k = 0; k < len; k++) {
                w.append((char) ('a' + random.nextInt(i % 7 == 0 ? 2 : 26)));
            }
            probes.add(w.toString());
            words.add(" ".repeat(random.nextInt(3)) + w + " ".repeat(random.nextInt(20)));
        }
        List<Optional<String>> scalarState = new ArrayList<>();
        List<Optional<String>> vectorState = new ArrayList<>();
        List<String> scalar = outputs("counter.wasm", words, probes, scalarState);
        List<String> vector = outputs("counter-simd.wasm", words, probes, vectorState);
        assertEquals(400, scalar.size());
        assertEquals(scalar, vector);
        assertEquals(scalarState, vectorState);
        assertFalse(scalarState.contains(Optional.empty()), "every word was counted");
    }
}
