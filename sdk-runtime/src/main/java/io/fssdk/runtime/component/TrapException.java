package io.fssdk.runtime.component;

/**
 * A trap during a call: the guest executed {@code unreachable}, accessed memory out of bounds, returned a
 * value the canonical ABI rejects (a bad char, discriminant or alignment), misused a resource handle, or a
 * host function failed. The instance that trapped is poisoned: every later call fails.
 */
public final class TrapException extends ComponentException {
    private static final long serialVersionUID = 1L;

    private final String function;
    private final String reason;
    private final boolean outOfFuel;

    /**
     * Creates a trap.
     *
     * @param function the export or import being called when the trap happened, or "" when unknown
     * @param reason why, lowercase
     */
    public TrapException(String function, String reason) {
        super(format(function, reason));
        this.function = function;
        this.reason = reason;
        this.outOfFuel = false;
    }

    /** Creates a trap with an underlying cause, e.g. Chicory's exception or the host function's. */
    public TrapException(String function, String reason, Throwable cause) {
        this(function, reason, cause, false);
    }

    private TrapException(String function, String reason, Throwable cause, boolean outOfFuel) {
        super(format(function, reason), cause);
        this.function = function;
        this.reason = reason;
        this.outOfFuel = outOfFuel;
    }

    /** The trap of a call that used up its fuel budget ({@code ComponentOptions.maxFuel}). */
    public static TrapException outOfFuel(String function, String reason, Throwable cause) {
        return new TrapException(function, reason, cause, true);
    }

    /** Whether the call was stopped by its fuel budget: a limit the embedder set, not a guest fault. */
    public boolean isOutOfFuel() {
        return outOfFuel;
    }

    private static String format(String function, String reason) {
        return function.isEmpty() ? "trap: " + reason : "trap in `" + function + "`: " + reason;
    }

    /** Why the trap happened, without the function name. */
    public String reason() {
        return reason;
    }

    /** The function that was being called, or "" when unknown. */
    public String function() {
        return function;
    }
}
