package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;

/**
 * Chicory's {@link Machine} for compiled code: enters function {@code funcId} through its boxed entry (see
 * {@link BoxedEntries}), and
 * turns the JVM exceptions compiled code raises for guest faults into Chicory traps naming the wasm function
 * (found from the generated frames of the stack trace).
 */
final class CompiledMachine implements Machine {
    private final GuestContext ctx;
    private final LoadedCode code;
    private final ModuleLayout layout;

    CompiledMachine(GuestContext ctx, LoadedCode code, ModuleLayout layout) {
        this.ctx = ctx;
        this.code = code;
        this.layout = layout;
    }

    /** The context of this instance (for the embedder's fuel setting). */
    GuestContext context() {
        return ctx;
    }

    @Override
    public long[] call(int funcId, long[] args) throws ChicoryException {
        if (!ctx.bound) {
            ctx.bind();
        }
        try {
            long[] results = code.entry(funcId).call(funcId, args, ctx);
            return ctx.tailFunction < 0 ? results : GuestTailCalls.run(ctx);
        } catch (Throwable t) {
            throw fault(t);
        }
    }

    /**
     * Whether the module declares struct or array types: its objects are swept at Chicory's safe point after an
     * export call, which {@link DirectEntry} would bypass.
     */
    boolean declaresGcObjects() {
        return layout.declaresGcObjects;
    }

    /** Binds the context on the first call, for entries that bypass {@link #call} ({@link DirectEntry}). */
    void ensureBound() {
        if (!ctx.bound) {
            ctx.bind();
        }
    }

    /**
     * What a call that threw {@code t} throws: the JVM exceptions compiled code raises for guest faults become
     * Chicory traps; other runtime exceptions and errors pass through; checked ones are wrapped.
     */
    RuntimeException fault(Throwable t) {
        if (t instanceof IndexOutOfBoundsException e) {
            // The flat memory's array bounds check is the wasm bounds check.
            return withCause(new WasmRuntimeException("out of bounds memory access" + where(e)), e);
        } else if (t instanceof StackOverflowError e) {
            return withCause(new ChicoryException("call stack exhausted"), e);
        } else if (t instanceof ArithmeticException e) {
            return withCause(new TrapException("arithmetic trap: " + e.getMessage() + where(e)), e);
        } else if (t instanceof RuntimeException e) {
            return e;
        } else if (t instanceof Error e) {
            throw e;
        }
        return new ChicoryException(t);
    }

    private static <T extends RuntimeException> T withCause(T e, Throwable cause) {
        e.initCause(cause);
        return e;
    }

    /** " in wasm function N `name`", from the innermost generated frame of {@code t}. */
    private String where(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("fssdk.generated.") && e.getMethodName().startsWith("f")) {
                try {
                    return " in " + layout.describe(Integer.parseInt(e.getMethodName().substring(1)));
                } catch (NumberFormatException ignored) {
                    return "";
                }
            }
        }
        return "";
    }
}
