package io.fssdk.runtime.component.link;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TableFactory;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TableLimits;
import io.fssdk.runtime.component.LinkException;

/**
 * A table of a core module instance whose tables together hold at most {@link #MAX_ELEMENTS} elements,
 * whatever maxima the module declares (or none). Chicory keeps a table in two Java arrays of its full
 * size, so without a cap one {@code table.grow} of 2<sup>31</sup> - 16 entries threw
 * {@link OutOfMemoryError} out of the guest call (an {@link Error}, past every trap handler), a loop of
 * smaller grows filled the heap, and a module declaring 16 tables of 10,000,000 entries took 1.3 GB at
 * instantiation. Like the memory cap, this never raises a maximum the module declares itself.
 *
 * <p>{@code table.grow} past the cap answers -1, as the spec lets it; so does a delta whose new size
 * overflows an {@code int}, where Chicory 1.7.5 computed a negative size and threw
 * {@link NegativeArraySizeException}.
 */
final class CappedTable extends TableInstance {
    /**
     * The most elements the tables of one core module instance may hold together: 8 MiB of Java arrays,
     * far above what compilers emit (tens of thousands of functions).
     */
    static final int MAX_ELEMENTS = 1 << 20;

    private final Budget budget;

    private CappedTable(Table table, int initialValue, Budget budget) {
        super(table, initialValue);
        this.budget = budget;
    }

    /**
     * A factory for the tables of one module instance, sharing one budget of {@link #MAX_ELEMENTS}.
     *
     * @param label the module, for messages
     */
    static TableFactory factory(String label) {
        Budget budget = new Budget();
        return (table, initialValue) -> {
            TableLimits declared = table.limits();
            if (declared.min() > MAX_ELEMENTS - budget.used) {
                throw new LinkException(label + " declares a table of " + declared.min() + " elements, over the cap of "
                        + MAX_ELEMENTS + " for all its tables (" + budget.used + " taken by the tables before it)");
            }
            budget.used += declared.min();
            TableLimits capped = new TableLimits(declared.min(), Math.min(declared.max(), MAX_ELEMENTS),
                    declared.shared());
            // A Table of its own even when nothing is capped: Chicory's TableInstance.grow also grows the limits of
            // the Table it was made from, and the parsed module's would carry one instance's growth into the next
            // (a guest restarted after a trap).
            return new CappedTable(new Table(table.elementType(), capped, table.initialize()), initialValue, budget);
        };
    }

    @Override
    public int grow(int delta, int initialValue, Instance instance) {
        // delta is a u32: a negative int is over 2^31, more than any table may hold.
        if (delta < 0 || (long) size() + delta > limits().max() || budget.used + delta > MAX_ELEMENTS) {
            return -1;
        }
        int old = super.grow(delta, initialValue, instance);
        if (old >= 0) {
            budget.used += delta;
        }
        return old;
    }

    /** The elements the tables of one module instance hold; an instance runs one call at a time. */
    private static final class Budget {
        long used;
    }
}
