package io.fssdk.runtime.processor;

import io.fssdk.api.Context;
import java.util.Set;

/**
 * What the host functions of one {@link WasmDriver} need to know about the export call in progress: the
 * {@link Context} the runner passed to the driver, and the set of scans the current instance holds open.
 * The linker is built once per driver, so its functions cannot capture either; the driver sets them
 * around every call into the guest instead ({@link #enter}, {@link #exit}). A driver is used by one
 * thread at a time, so plain fields suffice.
 */
final class HostCalls {
    private Context context;
    private Set<GuestIterator> iterators;

    /** Marks the start of a call into the guest on behalf of {@code context}. */
    void enter(Context context, Set<GuestIterator> iterators) {
        this.context = context;
        this.iterators = iterators;
    }

    /** Marks its end: a host function called now (it cannot be, guests run only inside calls) fails. */
    void exit() {
        context = null;
        iterators = null;
    }

    /** The current call's context. */
    Context context() {
        Context c = context;
        if (c == null) {
            throw new IllegalStateException("a host function was called outside an export call");
        }
        return c;
    }

    /** The open scans of the instance being called. */
    Set<GuestIterator> iterators() {
        Set<GuestIterator> s = iterators;
        if (s == null) {
            throw new IllegalStateException("a host function was called outside an export call");
        }
        return s;
    }
}
