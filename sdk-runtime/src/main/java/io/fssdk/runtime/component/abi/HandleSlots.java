package io.fssdk.runtime.component.abi;

import java.util.Arrays;

/**
 * The handle index space of one component instance, shared by all its resource types, with the spec's
 * free-list reuse (definitions.py, {@code Table}): index 0 is never valid, a freed index is reused
 * last-in first-out, and the table holds at most {@link HandleTable#MAX_LENGTH} entries.
 */
final class HandleSlots {
    private HandleEntry[] entries = new HandleEntry[8];
    private int length = 1;
    private int[] free = new int[8];
    private int freeCount;

    /** The entry at {@code index}, or null when there is none (0, out of range, or freed). */
    HandleEntry get(int index) {
        return index <= 0 || index >= length ? null : entries[index];
    }

    /** Adds an entry and returns its index, or -1 when the table is full. */
    int add(HandleEntry e) {
        int index;
        if (freeCount > 0) {
            index = free[--freeCount];
        } else {
            if (length > HandleTable.MAX_LENGTH) {
                return -1;
            }
            if (length == entries.length) {
                entries = Arrays.copyOf(entries, Math.min(entries.length * 2, HandleTable.MAX_LENGTH + 1));
            }
            index = length++;
        }
        entries[index] = e;
        return index;
    }

    /** Frees an index that holds an entry. */
    void remove(int index) {
        entries[index] = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = index;
    }
}
