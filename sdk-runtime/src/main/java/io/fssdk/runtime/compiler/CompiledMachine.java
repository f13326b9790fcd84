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
            return code.entry(funcId).call(funcId, args, ctx);
        } catch (IndexOutOfBoundsException e) {
            // The flat memory's array bounds check is the wasm bounds check.
            throw withCause(new WasmRuntimeException("out of bounds memory access" + where(e)), e);
        } catch (StackOverflowError e) {
            throw withCause(new ChicoryException("call stack exhausted"), e);
        } catch (ArithmeticException e) {
            throw withCause(new TrapException("arithmetic trap: " + e.getMessage() + where(e)), e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new ChicoryException(t);
        }
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
