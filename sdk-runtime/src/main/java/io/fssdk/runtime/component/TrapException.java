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
    }

    /** Creates a trap with an underlying cause, e.g. Chicory's exception or the host function's. */
    public TrapException(String function, String reason, Throwable cause) {
        super(format(function, reason), cause);
        this.function = function;
        this.reason = reason;
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
