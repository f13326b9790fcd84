package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.Instance;

/**
 * Applies an embedder's cap ({@code ComponentOptions.maxGcBytes}) to the GC objects one core instance's compiled
 * code makes ({@link GcBudget}). The engine calls it once per instance, after instantiation, as it attaches a
 * {@link FuelTank}; the budget itself is made at the instance's first object, so an instance that makes none
 * pays nothing.
 */
public final class GcObjectCap {
    private GcObjectCap() {
    }

    /**
     * Caps {@code instance}'s GC objects at {@code bytes}, if its code is ours (Chicory's own machines keep no
     * budget), including the compiled tier an instance started in the interpreter moves to later.
     *
     * @return whether the cap applies
     * @throws IllegalArgumentException for a cap that is not positive
     */
    public static boolean apply(Instance instance, long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("the GC object cap must be positive, got " + bytes);
        }
        if (instance.getMachine() instanceof CompiledMachine m) {
            m.context().gcCap = bytes;
            return true;
        }
        if (instance.getMachine() instanceof TieredMachine m) {
            m.capGc(bytes);
            return true;
        }
        return false;
    }
}
