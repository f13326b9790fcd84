package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Post-return runs once after every call, on both call paths and in both execution modes, with the core
 * results as its arguments (post-return.wat; CanonicalABI.md, "canon lift").
 *
 * <p>Regression: the fast path took Chicory's {@code null} results of a function without results for "not
 * called" and skipped post-return, so a StarlingMonkey guest (which checks that post-return ran) trapped
 * {@code unreachable} on its second record; the value path passed post-return {@code null} arguments, a
 * {@code NullPointerException} in Chicory's interpreter at the first {@code fs-init}.
 */
class PostReturnComponentTest {
    private static ComponentInstance instance(ExecutionMode mode) {
        Component c = mode == ExecutionMode.INTERPRETER
                ? TestComponents.interpreted("post-return.wasm") : TestComponents.load("post-return.wasm");
        return Linker.builder().build().instantiate(c);
    }

    /** (calls, last) as the guest recorded them: last is the sum of post-return's arguments plus one. */
    private static int[] probe(ComponentInstance i) {
        int v = ((WitValue.U32) i.call("probe").orElseThrow()).value();
        return new int[] {v >>> 16, v & 0xFFFF};
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ExecutionMode.class)
    void theValuePathRunsPostReturnForEveryResultShape(ExecutionMode mode) {
        ComponentInstance i = instance(mode);
        assertEquals(Optional.empty(), i.call("void"));
        assertArrayEquals(new int[] {1, 1}, probe(i));
        assertEquals(Optional.empty(), i.call("consume", WitValue.bytes(new byte[] {1, 2, 3})));
        assertArrayEquals(new int[] {2, 1}, probe(i));
        assertEquals(WitValue.u32(41), i.call("scalar").orElseThrow());
        assertArrayEquals(new int[] {3, 42}, probe(i));
        assertEquals(WitValue.bytes("abc".getBytes(StandardCharsets.UTF_8)), i.call("bytes").orElseThrow());
        assertArrayEquals(new int[] {4, 17}, probe(i)); // the return area's address, 16
        assertEquals(WitValue.string("xyz"), i.call("text").orElseThrow());
        assertArrayEquals(new int[] {5, 33}, probe(i));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ExecutionMode.class)
    void theFastPathRunsPostReturnForEveryResultShape(ExecutionMode mode) {
        ComponentInstance i = instance(mode);
        try (RawCall c = i.function("void").orElseThrow().rawCall()) {
            assertEquals(0, c.invoke().length);
        }
        assertArrayEquals(new int[] {1, 1}, probe(i));
        byte[] data = {1, 2, 3};
        try (RawCall c = i.function("consume").orElseThrow().rawCall()) {
            int ptr = c.writeBytes(data);
            assertEquals(0, c.invoke(ptr, data.length).length);
        }
        assertArrayEquals(new int[] {2, 1}, probe(i));
        try (RawCall c = i.function("scalar").orElseThrow().rawCall()) {
            assertEquals(41, c.invoke()[0]);
        }
        assertArrayEquals(new int[] {3, 42}, probe(i));
        try (RawCall c = i.function("bytes").orElseThrow().rawCall()) {
            int ret = (int) c.invoke()[0];
            assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), c.readBytes(c.loadI32(ret), c.loadI32(ret + 4)));
        }
        assertArrayEquals(new int[] {4, 17}, probe(i));
        try (RawCall c = i.function("text").orElseThrow().rawCall()) {
            int ret = (int) c.invoke()[0];
            assertArrayEquals("xyz".getBytes(StandardCharsets.UTF_8), c.readBytes(c.loadI32(ret), c.loadI32(ret + 4)));
        }
        assertArrayEquals(new int[] {5, 33}, probe(i));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ExecutionMode.class)
    void aFastCallThatNeverInvokedRunsNoPostReturn(ExecutionMode mode) {
        ComponentInstance i = instance(mode);
        try (RawCall c = i.function("consume").orElseThrow().rawCall()) {
            c.writeBytes(new byte[] {9});
        }
        assertArrayEquals(new int[] {0, 0}, probe(i));
    }
}
