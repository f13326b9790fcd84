package io.fssdk.runtime.component.link;

import com.dylibso.chicory.runtime.ExportFunction;

/**
 * Calls a {@link CoreFunc} from the host, looking the Chicory export up once. Chicory's own exceptions
 * pass through; the callers turn them into traps naming the component function.
 *
 * <p>Chicory answers {@code null} for a function without results; this class answers an empty array
 * instead. Callers pass the results on to the export's post-return function, and both a {@code null}
 * there (a {@code NullPointerException} in Chicory's interpreter) and taking {@code null} for "not
 * called" (which skipped post-return for every export without results) were bugs.
 */
final class CoreInvoker {
    private static final long[] NO_RESULTS = new long[0];
    private final CoreFunc func;
    private final ExportFunction export;

    CoreInvoker(CoreFunc func) {
        this.func = func;
        this.export = func instanceof CoreFunc.Exported e ? e.instance().export(e.exportName()) : null;
    }

    CoreFunc func() {
        return func;
    }

    /** Calls the function; never returns {@code null}. */
    long[] call(long... args) {
        long[] results = export != null ? export.apply(args) : ((CoreFunc.Host) func).handle().apply(null, args);
        return results != null ? results : NO_RESULTS;
    }
}
