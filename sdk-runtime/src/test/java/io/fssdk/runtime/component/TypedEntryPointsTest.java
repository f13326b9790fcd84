package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regressions from outside fuzzing runs: load, compile, instantiate and call let no exception out that is
 * not a {@link ComponentException}, and a valid module that Chicory's compiler cannot handle still runs.
 */
class TypedEntryPointsTest {
    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aV128LocalCompilesOrFallsBackAndRuns(ExecutionMode mode) {
        // Chicory 1.7.5's compiler threw IllegalArgumentException for any v128 local, out of compile().
        byte[] v128Local = {1, 1, 0x7b, 0x0b};
        Component c = Component.load(MinimalComponents.exportingBody(v128Local, 0),
                ComponentOptions.builder().executionMode(mode).build()).compile();
        Linker.builder().build().instantiate(c).call("spin");
    }

    @ParameterizedTest(name = "core export of function {0}")
    @ValueSource(ints = {0x80000000, 0xFFFFFFFF, 7})
    void aCoreExportOfAMissingFunctionIsATypedError(int index) {
        // Chicory threw ArrayIndexOutOfBoundsException or its own InvalidException out of instantiate().
        for (ExecutionMode mode : ExecutionMode.values()) {
            ComponentException e = assertThrows(ComponentException.class, () -> {
                Component c = Component.load(MinimalComponents.exportingBody(new byte[] {0, 0x0b}, index),
                        ComponentOptions.builder().executionMode(mode).build());
                Linker.builder().build().instantiate(c);
            });
            assertTrue(e instanceof InvalidException || e instanceof LinkException || e instanceof MalformedException,
                    e.toString());
        }
    }
}
