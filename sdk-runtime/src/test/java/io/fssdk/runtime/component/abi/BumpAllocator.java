package io.fssdk.runtime.component.abi;

import java.util.ArrayList;
import java.util.List;

/**
 * A test {@link Realloc} over an {@link ArrayMemory}: allocates upwards, never frees, shrinks in place,
 * and copies on growth the way a real {@code cabi_realloc} does. It records every call as
 * "oldPtr,oldSize,align,newSize" so tests can check the spec's realloc sequences.
 */
final class BumpAllocator implements Realloc {
    final List<String> calls = new ArrayList<>();
    private final ArrayMemory memory;
    private int next;

    BumpAllocator(ArrayMemory memory, int start) {
        this.memory = memory;
        this.next = start;
    }

    @Override
    public int realloc(int oldPtr, int oldSize, int align, int newSize) {
        calls.add(oldPtr + "," + oldSize + "," + align + "," + newSize);
        if (oldPtr != 0 && newSize <= oldSize) {
            return oldPtr;
        }
        int ptr = (next + align - 1) / align * align;
        next = ptr + newSize;
        if (oldPtr != 0) {
            memory.writeBytes(ptr, memory.readBytes(oldPtr, oldSize));
        }
        return ptr;
    }

    /** The next address this allocator would hand out, for tests that check nothing was allocated. */
    int top() {
        return next;
    }
}
