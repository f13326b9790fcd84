package io.fssdk.runtime.component.core;

/**
 * Signals, inside this package only, a well-formed module this rewriter does not handle (GC types or
 * instructions). {@link TypeUnifier} catches it and leaves every module as it was: unification is all or
 * nothing, because unifying only some modules could renumber a type another module relied on.
 */
final class CoreUnsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What was found, for the caller's diagnostics. */
    CoreUnsupported(String what) {
        // No stack trace: this is control flow, caught a few frames up.
        super(what, null, false, false);
    }
}
