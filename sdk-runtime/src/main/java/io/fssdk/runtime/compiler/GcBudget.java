package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import java.util.Arrays;

/**
 * A cap on the GC objects (structs and arrays) that compiled code makes in one instance, so that a guest keeping
 * objects alive, or making garbage faster than it returns, fails its call with a trap instead of filling the
 * host's heap. An array too large for the heap already traps ({@link GuestGc}); this covers many small objects.
 *
 * <p>Chicory owns the objects and frees them only at its safe point between top-level calls, when nothing in a
 * global or table reaches them; it says nothing when it does. So this keeps its own log of the objects made
 * (number and size), adds their estimated sizes, and when the sum would pass the cap, recounts: an object Chicory
 * no longer knows ({@link Instance#gcRef} answers null) is dropped from the log. Only if the live objects still
 * leave no room does the allocation trap. Garbage made within one call is live until it returns, as it is in
 * Chicory's own store. After a recount the next one waits for another eighth of the cap, so that a guest close to
 * the cap costs a recount per eighth, not per object; the cap is enforced within that eighth.
 *
 * <p>One per instance, used only by the thread running the guest, as the rest of {@link GuestContext}.
 */
final class GcBudget {
    /**
     * The estimated heap bytes of an object besides its values: Chicory's {@code WasmStruct} or {@code WasmArray},
     * the header of its {@code long[]}, and its entry in Chicory's object table (a {@code HashMap} node and a
     * boxed key).
     */
    static final int OBJECT_BYTES = 96;
    /** The default cap: a quarter of the JVM's maximum heap, at most 1 GiB. */
    static final long DEFAULT_CAP = Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4);

    private final long cap;
    private int[] ids = new int[1024];
    private int[] values = new int[1024];
    private int count;
    /** The estimated bytes of the objects in the log: live ones, and any Chicory freed since the last recount. */
    private long live;
    private long recountAt;

    GcBudget(long cap) {
        if (cap <= 0) {
            throw new IllegalArgumentException("cap must be positive: " + cap);
        }
        this.cap = cap;
        this.recountAt = cap;
    }

    /** The estimated heap bytes of an object of {@code values} values. */
    static long bytes(int values) {
        return OBJECT_BYTES + 8L * values;
    }

    /**
     * Makes room for an object of {@code values} values, before it is allocated.
     *
     * @throws TrapException if the live objects of {@code instance} and this one would pass the cap
     */
    void reserve(Instance instance, int values) {
        long more = bytes(values);
        if (live + more <= recountAt) {
            return;
        }
        recount(instance);
        if (live + more > cap) {
            throw new TrapException("out of memory: this instance's GC objects would take about " + (live + more)
                    + " bytes (" + count + " objects live and one of " + values + " values), over their cap of "
                    + cap + " bytes; they are freed only between calls");
        }
        recountAt = Math.max(cap, live + cap / 8);
    }

    /**
     * Logs object {@code id} of {@code values} values, made in {@code instance} after {@link #reserve}. A full log
     * is recounted first, and grows only if more than half of it is still live: so it stays within about twice
     * the live objects, however much garbage the guest makes.
     */
    void record(Instance instance, int id, int values) {
        if (count == ids.length) {
            recount(instance);
            if (count > ids.length / 2) {
                ids = Arrays.copyOf(ids, ids.length * 2);
                this.values = Arrays.copyOf(this.values, ids.length);
            }
        }
        ids[count] = id;
        this.values[count++] = values;
        live += bytes(values);
    }

    /** The estimated bytes of the logged objects (for tests and messages). */
    long liveBytes() {
        return live;
    }

    private void recount(Instance instance) {
        int kept = 0;
        long sum = 0;
        for (int i = 0; i < count; i++) {
            if (instance.gcRef(ids[i]) != null) {
                ids[kept] = ids[i];
                values[kept++] = values[i];
                sum += bytes(values[i]);
            }
        }
        count = kept;
        live = sum;
    }
}
