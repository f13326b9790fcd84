package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.abi.ResourceTables;

/**
 * The run-time state of one component instance (the spec's {@code ComponentInstance}): its handle
 * tables, and the flags that enforce the synchronous call rules. A nested component gets its own state,
 * sharing the root's {@link RootState}.
 */
final class InstanceState {
    final RootState root;
    final ResourceTables tables = new ResourceTables();
    /** False while the instance runs a call: a second entry would be reentrance, which the spec forbids. */
    private boolean mayEnter = true;
    /** False while realloc or post-return run: they may not call imports (CanonicalABI.md, may_leave). */
    private boolean mayLeave = true;

    InstanceState(RootState root) {
        this.root = root;
    }

    /** Marks the start of a call into this instance; traps on reentrance or a poisoned instance. */
    void enter(String function) {
        root.checkUsable(function);
        if (!mayEnter) {
            throw new TrapException(function, "cannot reenter a component instance that is already running");
        }
        mayEnter = false;
    }

    /** Marks the end of a call into this instance. */
    void leave() {
        mayEnter = true;
    }

    /** Traps when the guest calls an import from realloc or post-return. */
    void checkMayLeave(String function) {
        if (!mayLeave) {
            throw new TrapException(function, "cannot call an import from cabi_realloc or a post-return function");
        }
    }

    /** Calls guest code (realloc, post-return) during which imports are forbidden. */
    long[] callRestricted(CoreInvoker function, long... args) {
        boolean before = mayLeave;
        mayLeave = false;
        try {
            return function.call(args);
        } finally {
            mayLeave = before;
        }
    }
}
