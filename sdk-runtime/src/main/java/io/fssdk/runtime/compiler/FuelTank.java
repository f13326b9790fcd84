package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.Instance;

/**
 * A per-call instruction budget shared by the core instances of one component instance. Compiled code counts
 * <em>steps</em> (function entries and loop iterations: the points where it already checks for interruption)
 * and draws on the tank once every {@link #GRANULARITY} steps, in the slow path of {@link GuestSupport#poll}, so
 * metering adds nothing to the hot path. The budget is therefore exact to within one granule, and a guest loop
 * that does much work per iteration draws the same as a tight one: it bounds runaway loops and recursion, not
 * CPU time (the deadline does that).
 *
 * <p>Functions left to Chicory's interpreter are not metered. One thread uses a tank at a time (a component
 * instance runs one call at a time), so its field is plain.
 */
public final class FuelTank {
    /** Steps per unit drawn from the tank: the poll interval of compiled code. */
    public static final int GRANULARITY = GuestContext.POLL_INTERVAL;

    private final long budgetSteps;
    long granulesLeft;

    /** A tank refilled to {@code budgetSteps} steps at every {@link #refill()}; at least one granule. */
    public FuelTank(long budgetSteps) {
        if (budgetSteps <= 0) {
            throw new IllegalArgumentException("fuel budget must be positive, got " + budgetSteps);
        }
        this.budgetSteps = budgetSteps;
        refill();
    }

    /** The budget of one call, in steps. */
    public long budgetSteps() {
        return budgetSteps;
    }

    /** Fills the tank for a new call. */
    public void refill() {
        granulesLeft = Math.max(1, (budgetSteps + GRANULARITY - 1) / GRANULARITY);
    }

    /**
     * Meters {@code instance} from this tank, if its code is ours (another machine cannot be metered).
     *
     * @return whether the instance is metered
     */
    public boolean attach(Instance instance) {
        if (instance.getMachine() instanceof CompiledMachine m) {
            m.context().fuel = this;
            return true;
        }
        if (instance.getMachine() instanceof TieredMachine m) {
            m.meter(this);
            return true;
        }
        return false;
    }
}
