package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Regression: Chicory 1.7.5 allocated what a core module's length fields asked before checking them
 * against the bytes, so a 656-byte component declaring a 0x0FFFFFF0-byte name cost 256 MiB (16 fuzzing
 * OutOfMemoryErrors came from {@code Encoding.readName}), and a body declaring billions of locals worse.
 * Every length is now checked first ({@code core.CoreModuleCheck}): these fail as malformed, at once,
 * allocating nothing.
 */
class LimitsBeforeAllocationTest {
    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aHugeDeclaredNameIsMalformedBeforeAnythingIsAllocated(ExecutionMode mode) {
        byte[] bomb = MinimalComponents.withOversizedExportName(0x0FFFFFF0);
        assertTrue(bomb.length < 700, "a tiny input");
        MalformedException e = assertThrows(MalformedException.class, () -> load(bomb, mode));
        assertTrue(e.getMessage().contains("core module 0") && e.getMessage().contains("exceeds the remaining"),
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aHugeNameMapIsMalformed(ExecutionMode mode) {
        MalformedException e = assertThrows(MalformedException.class,
                () -> load(MinimalComponents.withOversizedNameMap(0x7FFFFFF), mode));
        assertTrue(e.getMessage().contains("exceeds the remaining"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void tooManyLocalsAreMalformed(ExecutionMode mode) {
        // One local group of 0x7FFFFFF0 i32s, then `end`.
        byte[] body = {1, (byte) 0xF0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 0x7F, 0x0B};
        MalformedException e = assertThrows(MalformedException.class,
                () -> load(MinimalComponents.withFunctionBody(body), mode));
        assertTrue(e.getMessage().contains("too many locals"), e.getMessage());
    }

    private static Component load(byte[] binary, ExecutionMode mode) {
        return Component.load(binary, ComponentOptions.builder().executionMode(mode).build()).compile();
    }
}
