package io.fssdk.runtime.guest;

import io.fssdk.api.Context;

/**
 * What the host functions of one supervised driver need to know about the export call in progress: the
 * {@link Context} the runner passed to the driver, and the resources the current instance holds open.
 * A linker is built once per driver, so its functions cannot capture either; the supervisor sets them
 * around every call into the guest instead ({@link #enter}, {@link #exit}). A driver is used by one
 * thread at a time, so plain fields suffice.
 *
 * <p>Between calls the two references stay (whether a call is under way is a flag of its own): the
 * context and the instance's resources are the same for record after record, and storing a reference
 * into this long-lived object costs a GC write barrier with a memory fence on G1, twice per record when
 * they were set and cleared around every call. They are stored only when they change, and a dropped
 * instance's resources are kept at most until the next call.
 */
public final class HostCalls {
    private Context context;
    private GuestResources resources;
    private boolean inCall;

    /** Marks the start of a call into the guest on behalf of {@code context}. */
    void enter(Context context, GuestResources resources) {
        if (this.context != context) {
            this.context = context;
        }
        if (this.resources != resources) {
            this.resources = resources;
        }
        inCall = true;
    }

    /** Marks its end: a host function called now (it cannot be, guests run only inside calls) fails. */
    void exit() {
        inCall = false;
    }

    /** The current call's context. */
    public Context context() {
        Context c = context;
        if (!inCall || c == null) {
            throw new IllegalStateException("a host function was called outside an export call");
        }
        return c;
    }

    /** The open resources of the instance being called. */
    public GuestResources resources() {
        GuestResources r = resources;
        if (!inCall || r == null) {
            throw new IllegalStateException("a host function was called outside an export call");
        }
        return r;
    }
}
