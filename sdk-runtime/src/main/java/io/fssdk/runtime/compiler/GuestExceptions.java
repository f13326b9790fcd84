package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TagInstance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.runtime.WasmException;

/**
 * The exception-handling proposal's runtime side for generated code ({@link ExceptionOps}). A wasm exception is
 * Chicory's {@link WasmException} (the instance whose tag index it carries, and its values as longs), and an
 * {@code exnref} is the number the instance registered it under, so exceptions and references pass unchanged
 * between compiled code, Chicory's interpreter and the host. Public only for the generated classes.
 */
public final class GuestExceptions {
    private GuestExceptions() {
    }

    /** {@code throw}: the exception of tag {@code tag} of this instance, carrying {@code args}. */
    public static WasmException create(GuestContext ctx, int tag, long[] args) {
        return new WasmException(ctx.instance, tag, args == null ? new long[0] : args);
    }

    /** {@code throw_ref}: the exception {@code ref} names; a null reference traps. */
    public static WasmException byRef(GuestContext ctx, long ref) {
        if (ref == -1) {
            throw new TrapException("null exception reference");
        }
        return ctx.instance.exn((int) ref);
    }

    /** The {@code exnref} of {@code e}, for {@code catch_ref} and {@code catch_all_ref}. */
    public static long ref(GuestContext ctx, WasmException e) {
        return ctx.instance.registerException(e);
    }

    /**
     * Whether {@code e} was thrown with this instance's tag {@code tag}. A tag is matched by identity. An
     * imported tag also matches an exception whose tag has the same type, as Chicory's interpreter matches it,
     * so that both engines catch the same exceptions (its imported tags are copies, not the exporter's own).
     */
    public static boolean matches(GuestContext ctx, WasmException e, int tag) {
        Instance self = ctx.instance;
        TagInstance mine = self.tag(tag);
        TagInstance thrown = e.instance().tag(e.tagIdx());
        if (mine == thrown) {
            return true;
        }
        return tag < self.imports().tagCount() && mine.type().paramsMatch(thrown.type())
                && mine.type().returnsMatch(thrown.type());
    }

    /** The values {@code e} carries, for a catch clause to push. */
    public static long[] values(WasmException e) {
        return e.args();
    }
}
