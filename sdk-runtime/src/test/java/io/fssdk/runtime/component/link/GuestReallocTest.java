package io.fssdk.runtime.component.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.fssdk.runtime.component.TrapException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link GuestRealloc} passes its arguments in one array it reuses (it used to allocate a varargs array on
 * every {@code cabi_realloc}). These check that reuse never shows: each call sees its own arguments, a
 * nested call (only a host-function realloc could make one) leaves the outer call's arguments alone, and
 * the arguments array is still available after a call that failed.
 */
class GuestReallocTest {
    private static final FunctionType TYPE = FunctionType.of(
            List.of(ValType.I32, ValType.I32, ValType.I32, ValType.I32), List.of(ValType.I32));

    private final InstanceState state = new InstanceState(new RootState(16));
    private final List<long[]> seen = new ArrayList<>();
    private final AtomicReference<Runnable> during = new AtomicReference<>(() -> { });

    private GuestRealloc realloc() {
        CoreFunc f = new CoreFunc.Host(TYPE, (instance, args) -> {
            long[] copy = args.clone();
            during.get().run();
            // The arguments as the callee reads them after any nested call: reuse must not have changed them.
            assertArrayEquals(copy, args);
            seen.add(copy);
            return new long[] {args[3] * 8};
        }, "test realloc");
        return new GuestRealloc(state, new CoreInvoker(f));
    }

    @Test
    void everyCallSeesItsOwnArguments() {
        GuestRealloc r = realloc();
        assertEquals(64, r.realloc(0, 0, 1, 8));
        assertEquals(-8, r.realloc(16, 4, 8, -1));
        assertArrayEquals(new long[] {0, 0, 1, 8}, seen.get(0));
        assertArrayEquals(new long[] {16, 4, 8, -1}, seen.get(1));
    }

    @Test
    void aNestedCallLeavesTheOuterCallsArgumentsAlone() {
        GuestRealloc r = realloc();
        during.set(() -> {
            during.set(() -> { });
            assertEquals(24, r.realloc(0, 0, 4, 3));
        });
        assertEquals(40, r.realloc(0, 0, 1, 5));
        assertArrayEquals(new long[] {0, 0, 4, 3}, seen.get(0));
        assertArrayEquals(new long[] {0, 0, 1, 5}, seen.get(1));
        assertEquals(16, r.realloc(0, 0, 2, 2));
        assertArrayEquals(new long[] {0, 0, 2, 2}, seen.get(2));
    }

    @Test
    void aFailedCallLeavesTheReallocUsable() {
        GuestRealloc r = realloc();
        during.set(() -> {
            throw new TrapException("cabi_realloc", "boom");
        });
        assertThrows(TrapException.class, () -> r.realloc(0, 0, 1, 1));
        during.set(() -> { });
        assertEquals(72, r.realloc(0, 0, 1, 9));
        assertArrayEquals(new long[] {0, 0, 1, 9}, seen.get(0));
    }
}
