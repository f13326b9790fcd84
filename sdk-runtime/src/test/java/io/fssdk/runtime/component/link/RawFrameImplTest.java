package io.fssdk.runtime.component.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.abi.CanonicalOptions;
import io.fssdk.runtime.component.abi.ResourceTables;
import org.junit.jupiter.api.Test;

/**
 * A raw frame copies each call's arguments into an array of its own (it used to keep the caller's array,
 * a GC barrier per call). The copy must look exactly like the caller's array: the same count and values,
 * the same failure for an index past the end, even when a call brings more arguments than the frame was
 * sized for, and nothing readable between calls.
 */
class RawFrameImplTest {
    private final RawFrameImpl frame = new RawFrameImpl("test", CanonicalOptions.none(), new ResourceTables(), 2);

    @Test
    void aCallSeesItsOwnArgumentsAndNoMore() {
        frame.begin(new long[] {7, -1L, 1L << 40});
        assertEquals(3, frame.argCount());
        assertEquals(7, frame.i32(0));
        assertEquals(-1, frame.i32(1));
        assertEquals(1L << 40, frame.i64(2));
        ArrayIndexOutOfBoundsException e = assertThrows(ArrayIndexOutOfBoundsException.class, () -> frame.i32(3));
        assertEquals("Index 3 out of bounds for length 3", e.getMessage());
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> frame.i64(-1));
        frame.end();

        frame.begin(new long[] {5});
        assertEquals(1, frame.argCount());
        assertEquals(5, frame.i64(0));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> frame.i32(1), "a stale argument of the last call");
        frame.end();
    }

    @Test
    void aDirectCallsValuesLookLikeItsArray() {
        // Six values into a frame sized for two: the first n count, the rest are not arguments.
        frame.begin(6, 1, 2, 3, 4, 5, 6);
        assertEquals(6, frame.argCount());
        for (int i = 0; i < 6; i++) {
            assertEquals(i + 1, frame.i64(i));
        }
        frame.end();
        frame.begin(2, 9, -9, 7, 7, 7, 7);
        assertEquals(2, frame.argCount());
        assertEquals(-9, frame.i32(1));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> frame.i32(2), "only the first n are arguments");
        frame.end();
    }

    @Test
    void aFrameIsOnlyValidDuringItsCall() {
        assertFalse(frame.busy());
        frame.begin(new long[0]);
        assertTrue(frame.busy());
        assertEquals(0, frame.argCount());
        frame.end();
        assertFalse(frame.busy());
        assertThrows(IllegalStateException.class, frame::argCount);
        assertThrows(IllegalStateException.class, () -> frame.i32(0));
    }
}
