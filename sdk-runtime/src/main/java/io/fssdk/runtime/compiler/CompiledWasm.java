package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A compiled core module: immutable, shared by every instance of the module. Plug it into Chicory with
 * {@code Instance.builder(module).withMachineFactory(c.machineFactory()).withMemoryFactory(c.memoryFactory())}.
 */
public final class CompiledWasm {
    private final ModuleLayout layout;
    private final LoadedCode code;
    private final Set<Integer> interpreted;
    private final Map<String, String> reasons;
    private final int maxMethodSize;
    private final Map<Integer, Integer> overJitLimit;

    CompiledWasm(ModuleLayout layout, LoadedCode code, Set<Integer> interpreted,
            Map<String, String> reasons, int maxMethodSize, Map<Integer, Integer> overJitLimit) {
        this.overJitLimit = Map.copyOf(overJitLimit);
        this.maxMethodSize = maxMethodSize;
        this.layout = layout;
        this.code = code;
        this.interpreted = Set.copyOf(interpreted);
        this.reasons = Map.copyOf(reasons);
    }

    /** The machine factory for Chicory's {@code Instance.Builder.withMachineFactory}. */
    public Function<Instance, Machine> machineFactory() {
        return this::newMachine;
    }

    CompiledMachine newMachine(Instance instance) {
        return new CompiledMachine(new GuestContext(instance, code, layout.sigIds, layout.typeHierarchy), code, layout);
    }

    /** The memory factory compiled code needs: a {@link FlatMemory}. */
    public Function<MemoryLimits, Memory> memoryFactory() {
        return FlatMemory::new;
    }

    /** Indices of the functions left to Chicory's interpreter (empty when everything compiled). */
    public Set<Integer> interpretedFunctions() {
        return interpreted;
    }

    /**
     * The bytecode size of the largest method generated for a wasm function body. HotSpot JIT-compiles methods
     * up to 8,000 bytes with default flags.
     */
    public int maxMethodSize() {
        return maxMethodSize;
    }

    /**
     * Compiled functions with a method over HotSpot's 8,000-byte JIT limit, with its size: with default JVM
     * flags they run in the JVM's bytecode interpreter. Empty when every method can be JIT-compiled.
     */
    public Map<Integer, Integer> overJitLimit() {
        return overJitLimit;
    }

    /** Why each interpreted function is interpreted, keyed by its description. */
    public Map<String, String> interpretedReasons() {
        return reasons;
    }
}
