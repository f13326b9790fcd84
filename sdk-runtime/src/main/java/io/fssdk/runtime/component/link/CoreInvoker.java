package io.fssdk.runtime.component.link;

import com.dylibso.chicory.runtime.ExportFunction;

/**
 * Calls a {@link CoreFunc} from the host, looking the Chicory export up once. Chicory's own exceptions
 * pass through; the callers turn them into traps naming the component function.
 */
final class CoreInvoker {
    private final CoreFunc func;
    private final ExportFunction export;

    CoreInvoker(CoreFunc func) {
        this.func = func;
        this.export = func instanceof CoreFunc.Exported e ? e.instance().export(e.exportName()) : null;
    }

    CoreFunc func() {
        return func;
    }

    long[] call(long... args) {
        if (export != null) {
            return export.apply(args);
        }
        return ((CoreFunc.Host) func).handle().apply(null, args);
    }
}
