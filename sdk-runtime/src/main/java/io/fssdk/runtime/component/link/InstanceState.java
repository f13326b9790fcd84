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
    /** The component instance that instantiated this one, or {@code null} for the root. */
    final InstanceState parent;
    final ResourceTables tables = new ResourceTables();
    /** False while the instance runs a call: a second entry would be reentrance, which the spec forbids. */
    private boolean mayEnter = true;
    /** False while realloc or post-return run: they may not call imports (CanonicalABI.md, may_leave). */
    private boolean mayLeave = true;

    /** The state of a root instance. */
    InstanceState(RootState root) {
        this(root, null);
    }

    /** The state of a nested instance created by {@code parent}. */
    InstanceState(RootState root, InstanceState parent) {
        this.root = root;
        this.parent = parent;
    }

    /**
     * Whether one of the two is a proper ancestor of the other. The spec traps on such calls "for now",
     * in both directions (component-model test/async/trap-on-reenter.wast), even when synchronous.
     */
    boolean isAncestorOrDescendantOf(InstanceState other) {
        return other != this && (isAncestorOf(this, other) || isAncestorOf(other, this));
    }

    private static boolean isAncestorOf(InstanceState a, InstanceState b) {
        for (InstanceState p = b.parent; p != null; p = p.parent) {
            if (p == a) {
                return true;
            }
        }
        return false;
    }

    /** Marks the start of a call into this instance; traps on reentrance or a poisoned instance. */
    void enter(String function) {
        root.checkUsable(function);
        if (!mayEnter) {
            throw new TrapException(function, "cannot reenter a component instance that is already running");
        }
        mayEnter = false;
        root.callStarted();
    }

    /** Marks the end of a call into this instance. */
    void leave() {
        mayEnter = true;
        root.callEnded();
    }

    /** Traps when the guest calls an import from realloc or post-return. */
    void checkMayLeave(String function) {
        if (!mayLeave) {
            throw new TrapException(function, "cannot call an import from cabi_realloc or a post-return function");
        }
    }

    /** {@link #callRestricted} on the unboxed path of a {@code (i32, i32, i32, i32) -> i32} function (realloc). */
    int callRestrictedI4ToI(CoreInvoker function, int a, int b, int c, int d) {
        boolean before = mayLeave;
        mayLeave = false;
        try {
            return function.callI4ToI(a, b, c, d);
        } finally {
            mayLeave = before;
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
