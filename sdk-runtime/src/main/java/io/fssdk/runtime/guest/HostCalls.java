package io.fssdk.runtime.guest;

import io.fssdk.api.Context;

/**
 * What the host functions of one supervised driver need to know about the export call in progress: the
 * {@link Context} the runner passed to the driver, and the resources the current instance holds open.
 * A linker is built once per driver, so its functions cannot capture either; the supervisor sets them
 * around every call into the guest instead ({@link #enter}, {@link #exit}). A driver is used by one
 * thread at a time, so plain fields suffice.
 */
public final class HostCalls {
    private Context context;
    private GuestResources resources;

    /** Marks the start of a call into the guest on behalf of {@code context}. */
    void enter(Context context, GuestResources resources) {
        this.context = context;
        this.resources = resources;
    }

    /** Marks its end: a host function called now (it cannot be, guests run only inside calls) fails. */
    void exit() {
        context = null;
        resources = null;
    }

    /** The current call's context. */
    public Context context() {
        Context c = context;
        if (c == null) {
            throw new IllegalStateException("a host function was called outside an export call");
        }
        return c;
    }

    /** The open resources of the instance being called. */
    public GuestResources resources() {
        GuestResources r = resources;
        if (r == null) {
            throw new IllegalStateException("a host function was called outside an export call");
        }
        return r;
    }
}
