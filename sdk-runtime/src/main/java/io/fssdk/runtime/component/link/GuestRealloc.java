package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.abi.Realloc;

/**
 * The {@code realloc} option of one canonical definition: calls the guest's {@code cabi_realloc} with imports
 * forbidden, as the spec requires (CanonicalABI.md, {@code may_leave}).
 *
 * <p>Every {@code list<u8>} or string a call passes in allocates, so this runs once or more per record. When
 * the guest runs our compiled code the call is unboxed ({@link CoreInvoker#callI4ToI}). Otherwise it
 * passes its four arguments in one array kept per definition (and so per instance) instead of a new
 * varargs array per call. Reuse is safe because the array is dead once the call has started: every
 * machine (our compiler's boxed entries, Chicory's interpreter and its compiler) copies the arguments out
 * before running the function, and nothing keeps the array. A realloc cannot call back into the host
 * (imports trap while it runs), so it cannot re-enter this object either; should a host-function realloc
 * ever do so, the nested call finds the array taken and allocates its own rather than overwrite the outer
 * call's arguments.
 */
final class GuestRealloc implements Realloc {
    private final InstanceState state;
    private final CoreInvoker function;
    private final long[] scratch = new long[4];
    /** Whether a call holds {@link #scratch} (a flag, not a nulled field: see {@code HostCalls} on barriers). */
    private boolean busy;

    GuestRealloc(InstanceState state, CoreInvoker function) {
        this.state = state;
        this.function = function;
    }

    @Override
    public int realloc(int oldPtr, int oldSize, int align, int newSize) {
        if (function.hasDirectI4ToI()) {
            return state.callRestrictedI4ToI(function, oldPtr, oldSize, align, newSize);
        }
        boolean nested = busy;
        long[] args = nested ? new long[4] : scratch;
        busy = true;
        try {
            args[0] = oldPtr;
            args[1] = oldSize;
            args[2] = align;
            args[3] = newSize;
            return (int) state.callRestricted(function, args)[0];
        } finally {
            busy = nested;
        }
    }
}
