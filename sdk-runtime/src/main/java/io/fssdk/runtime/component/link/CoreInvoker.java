package io.fssdk.runtime.component.link;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.ExternalType;
import io.fssdk.runtime.compiler.DirectEntry;

/**
 * Calls a {@link CoreFunc} from the host, looking the Chicory export up once. Chicory's own exceptions
 * pass through; the callers turn them into traps naming the component function.
 *
 * <p>Chicory answers {@code null} for a function without results; this class answers an empty array
 * instead. Callers pass the results on to the export's post-return function, and both a {@code null}
 * there (a {@code NullPointerException} in Chicory's interpreter) and taking {@code null} for "not
 * called" (which skipped post-return for every export without results) were bugs.
 *
 * <p>The two shapes the canonical ABI calls once or more per record, {@code cabi_realloc}'s
 * {@code (i32, i32, i32, i32) -> i32} and {@code (i32, i32, i32) -> ()} (e.g. {@code fs-process}), go
 * through our compiler's unboxed {@link DirectEntry} when the function runs compiled: no {@code long[]}
 * each way, and none of the export wrapper's and boxed entry's dispatch.
 */
final class CoreInvoker {
    private static final long[] NO_RESULTS = new long[0];
    private final CoreFunc func;
    private final ExportFunction export;
    private final DirectEntry i4ToI;
    private final DirectEntry i3ToV;

    CoreInvoker(CoreFunc func) {
        this.func = func;
        if (func instanceof CoreFunc.Exported e) {
            this.export = e.instance().export(e.exportName());
            int index = functionIndex(e.instance(), e.exportName());
            this.i4ToI = index < 0 ? null : DirectEntry.i4ToI(e.instance(), index).orElse(null);
            this.i3ToV = index < 0 ? null : DirectEntry.i3ToV(e.instance(), index).orElse(null);
        } else {
            this.export = null;
            this.i4ToI = null;
            this.i3ToV = null;
        }
    }

    /** The index of the function {@code instance} exports as {@code name}, or -1. */
    static int functionIndex(Instance instance, String name) {
        ExportSection exports = instance.module().exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            Export x = exports.getExport(i);
            if (x.exportType() == ExternalType.FUNCTION && x.name().equals(name)) {
                return x.index();
            }
        }
        return -1;
    }

    CoreFunc func() {
        return func;
    }

    /** Calls the function; never returns {@code null}. */
    long[] call(long... args) {
        if (i3ToV != null && args.length == 3) {
            i3ToV.callI3ToV((int) args[0], (int) args[1], (int) args[2]);
            return NO_RESULTS;
        }
        long[] results = export != null ? export.apply(args) : ((CoreFunc.Host) func).handle().apply(null, args);
        return results != null ? results : NO_RESULTS;
    }

    /** Whether {@link #callI4ToI} may be used: the function has that type and runs compiled. */
    boolean hasDirectI4ToI() {
        return i4ToI != null;
    }

    /** Calls a function of type {@code (i32, i32, i32, i32) -> i32} unboxed; only if {@link #hasDirectI4ToI}. */
    int callI4ToI(int a, int b, int c, int d) {
        return i4ToI.callI4ToI(a, b, c, d);
    }
}
