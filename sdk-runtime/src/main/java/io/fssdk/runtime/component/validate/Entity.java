package io.fssdk.runtime.component.validate;

/**
 * What validation knows statically about the type of an item that can be imported or exported: a
 * component-level type ({@link TypeInfo}) or a core module's type ({@link ModuleInfo}).
 */
sealed interface Entity permits TypeInfo, ModuleInfo {
    /** Saturation point of effective sizes, far above any cap, so that sums cannot overflow. */
    long SIZE_CEILING = 1L << 40;

    /**
     * The effective type size: the number of nodes the type would have if every index were expanded,
     * as wasmparser counts it. Sharing by index makes it exponential in the binary's size, hence the cap
     * in {@link TypeChecker}.
     */
    long size();

    /** Whether a resource type can be reached from this type; substitution skips types without one. */
    boolean hasResources();

    /** {@code a + b}, saturated at {@link #SIZE_CEILING}. */
    static long sum(long a, long b) {
        return Math.min(SIZE_CEILING, a + b);
    }
}
