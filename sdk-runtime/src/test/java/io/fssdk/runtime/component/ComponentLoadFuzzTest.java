package io.fssdk.runtime.component;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target 1: {@link Component#load} (parse, validate, the core-module limit pass and Chicory's parser)
 * then {@link Component#compile}, on arbitrary bytes. The only acceptable failure is a
 * {@link ComponentException}; anything else (an untyped exception, an {@code OutOfMemoryError}) fails the
 * target. In {@code mvn verify} it replays the committed seeds (real fixtures and past crashers, in
 * {@code ComponentLoadFuzzTestInputs/}); {@code scripts/fuzz.sh load MINUTES} fuzzes it.
 */
class ComponentLoadFuzzTest {
    private static final ComponentOptions INTERPRETED = ComponentOptions.builder()
            .executionMode(ExecutionMode.INTERPRETER).maxMemoryBytes(16 << 20).build();

    @FuzzTest(maxDuration = "2h")
    void loadArbitraryBytes(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        try {
            Component c = Component.load(bytes, INTERPRETED);
            c.describe();
            Linker.builder().stubUnknownImports(true).build().instantiate(c);
        } catch (ComponentException expected) {
            // typed: the engine's promise
        }
    }
}
