package io.fssdk.runtime.compiler;

/**
 * Implemented by every generated class: calls the boxed entry {@code b<funcId>} of one of its functions. Chicory
 * enters a guest (an export, or another instance's table entry) through {@code Machine.call(funcId, long[])};
 * an interface call through this, one per class, replaces {@code MethodHandle.invokeExact} on a handle taken from
 * an array, which C2 cannot inline and which cost about a third of an empty {@code fs-process}. Public only
 * for the generated classes (see {@link GuestContext}).
 */
public interface BoxedEntries {
    /**
     * Calls function {@code funcId}'s boxed entry.
     *
     * @param funcId a function this class holds
     * @param args the wasm arguments in their raw {@code long} encoding
     * @param ctx the calling instance's context
     * @return the results in the same encoding, null for none
     */
    long[] call(int funcId, long[] args, GuestContext ctx);
}
