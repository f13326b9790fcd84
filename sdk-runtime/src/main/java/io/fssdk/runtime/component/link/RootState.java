package io.fssdk.runtime.component.link;

import com.dylibso.chicory.runtime.Memory;
import io.fssdk.runtime.compiler.FuelTank;
import io.fssdk.runtime.component.TrapException;
import java.util.ArrayList;
import java.util.List;

/**
 * State shared by a root component instance and every nested instance in it: the limits it runs under,
 * and whether it has trapped. A trapped instance is poisoned (the spec's "instance that traps must not
 * be reentered"): its memory may be half-written, so every later call fails.
 */
final class RootState {
    final int maxMemoryPages;
    private volatile String poisonedBy;
    /** The memories the instance's core modules define (not import), to report when one hits the cap. */
    private final List<Memory> memories = new ArrayList<>();

    /** The per-call fuel budget shared by the instance's core instances, or null for none. */
    final FuelTank fuel;
    /** The cap on each core instance's GC objects in bytes, or 0 for the compiler's default. */
    final long maxGcBytes;
    /** Calls into the instance (or a nested one) under way: fuel is refilled when the outermost starts. */
    private int depth;

    RootState(int maxMemoryPages) {
        this(maxMemoryPages, 0, 0);
    }

    RootState(int maxMemoryPages, long maxFuel, long maxGcBytes) {
        this.maxMemoryPages = maxMemoryPages;
        this.fuel = maxFuel > 0 ? new FuelTank(maxFuel) : null;
        this.maxGcBytes = maxGcBytes;
    }

    /** Counts a call in; the outermost one gets a full tank. */
    void callStarted() {
        if (depth++ == 0 && fuel != null) {
            fuel.refill();
        }
    }

    /** Counts a call out. */
    void callEnded() {
        depth--;
    }

    void addMemory(Memory memory) {
        memories.add(memory);
    }

    /**
     * Whether a memory of the instance has grown to the cap, so a further {@code memory.grow} failed.
     * Garbage-collected guests grow in chunks (Go's heap arenas are 4 MiB on wasm; CPython's allocator asks
     * for a whole large object at once), so the grow that failed may have left the memory short of the cap
     * by up to one chunk: within {@link #capSlackPages} of the cap counts as reached. A memory whose own
     * declared maximum is below the cap is never counted: hitting that is the guest's own limit.
     */
    boolean memoryCapReached() {
        int slack = capSlackPages(maxMemoryPages);
        for (Memory m : memories) {
            if (m.maximumPages() >= maxMemoryPages && m.pages() >= maxMemoryPages - slack) {
                return true;
            }
        }
        return false;
    }

    /** One sixteenth of the cap, raised to 4 MiB (one Go heap arena) where that is at most a quarter of it. */
    static int capSlackPages(int capPages) {
        return Math.max(capPages / 16, Math.min(64, capPages / 4));
    }

    /** The bytes of linear memory the instance's core modules hold now. */
    long memoryBytes() {
        long total = 0;
        for (Memory m : memories) {
            total += (long) m.pages() * 65536;
        }
        return total;
    }

    void poison(String reason) {
        if (poisonedBy == null) {
            poisonedBy = reason;
        }
    }

    boolean isPoisoned() {
        return poisonedBy != null;
    }

    void checkUsable(String function) {
        String p = poisonedBy;
        if (p != null) {
            throw new TrapException(function, "instance is poisoned by an earlier trap (" + p + ")");
        }
    }
}
