package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;

/**
 * Tail calls at run time (see {@link TailCalls}): a {@code return_call} records its callee and arguments in the
 * context and returns at once; whoever called the function that returned, compiled code after a call that may
 * end in one or an entry from outside, finds the request and runs it with {@link #run}, in a loop, so that a chain
 * of tail calls of any length takes one JVM frame. Public only for the generated classes.
 */
public final class GuestTailCalls {
    private GuestTailCalls() {
    }

    /** {@code return_call f}: function {@code f} of this instance, with {@code args}. */
    public static void request(GuestContext ctx, int f, long[] args) {
        ctx.tailInstance = null;
        ctx.tailArgs = args;
        ctx.tailFunction = f;
    }

    /** {@code return_call_indirect}: the table entry, checked as a {@code call_indirect} checks it. */
    public static void requestIndirect(GuestContext ctx, int table, int elem, int sigId, int typeIdx, long[] args) {
        int f = GuestSupport.indirect(ctx, table, elem, sigId, typeIdx);
        if (f >= 0) {
            request(ctx, f, args);
            return;
        }
        ctx.tailInstance = ctx.foreignInstance;
        ctx.foreignInstance = null;
        ctx.tailArgs = args;
        ctx.tailFunction = ctx.foreignFunction;
    }

    /** {@code return_call_ref}: the function {@code ref} names; null traps. */
    public static void requestRef(GuestContext ctx, long ref, long[] args) {
        if (ref == -1) {
            throw new TrapException("null function reference");
        }
        request(ctx, (int) ref, args);
    }

    /**
     * Runs the tail calls requested, each request made by the one before it, and returns the last one's results
     * (null for none); a call whose function is another instance's goes through that instance's machine, which
     * runs the tail calls its own code requests.
     */
    public static long[] run(GuestContext ctx) {
        long[] results;
        do {
            int f = ctx.tailFunction;
            long[] args = ctx.tailArgs;
            Instance owner = ctx.tailInstance;
            ctx.tailFunction = -1;
            ctx.tailArgs = null;
            ctx.tailInstance = null;
            results = owner == null ? ctx.code.entry(f).call(f, args, ctx) : owner.getMachine().call(f, args);
        } while (ctx.tailFunction >= 0);
        return results;
    }
}
