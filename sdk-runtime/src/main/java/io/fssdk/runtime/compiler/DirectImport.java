package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.Instance;

/**
 * A host function that compiled code may call with its arguments as plain values: no {@code long[]} of
 * arguments and none of results, as Chicory's {@code WasmFunctionHandle} needs on every call. A host function's
 * handle implements this besides {@code WasmFunctionHandle}; compiled code uses it for an import of at most
 * {@value #MAX_PARAMS} numeric parameters and at most one numeric result, and the interpreter keeps calling the
 * handle. Why: a component's guest calls its host imports (emit, state access) on every record, and the two
 * arrays per call were a third of what a record allocated.
 *
 * <p>Values travel as wasm's canonical 64-bit forms, as in Chicory's arrays: an {@code i32} sign-extended,
 * floats as their raw bits.
 */
public interface DirectImport {
    /** The most parameters a direct call passes. */
    int MAX_PARAMS = 6;

    /**
     * Calls the function with its first arguments (as many as its type has; the rest are 0).
     *
     * @return its result, or 0 for a function without one
     */
    long callDirect(Instance instance, long a0, long a1, long a2, long a3, long a4,
            long a5);

    /** The first {@code n} of a direct call's arguments as the array a {@code WasmFunctionHandle} takes. */
    static long[] arguments(int n, long a0, long a1, long a2, long a3, long a4,
            long a5) {
        long[] args = new long[n];
        for (int i = 0; i < n; i++) {
            args[i] = i == 0 ? a0 : i == 1 ? a1 : i == 2 ? a2 : i == 3 ? a3 : i == 4 ? a4 : a5;
        }
        return args;
    }
}
