package io.fssdk.runtime.component.link;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import io.fssdk.runtime.compiler.CompiledWasm;
import io.fssdk.runtime.compiler.CompilerOptions;
import io.fssdk.runtime.compiler.WasmCompiler;
import io.fssdk.runtime.component.ExecutionMode;
import java.util.function.Function;

/** The code generators behind each {@link ExecutionMode}. */
final class CoreCodegens {
    /**
     * Chicory's interpreter: nothing to prepare. ByteArrayMemory because Chicory's default
     * ByteBufferMemory costs ~20% on guest memory access (bounds checks and endian conversion dominated the
     * counter's profile in BENCHMARKS.md).
     */
    static final CoreCodegen INTERPRETER = (module, label, cache) -> b -> b.withMemoryFactory(ByteArrayMemory::new);

    /** Chicory's runtime compiler, through its cache when one is given. */
    static final CoreCodegen CHICORY_COMPILER = (module, label, cache) -> {
        MachineFactoryCompiler.Builder compiler = MachineFactoryCompiler.builder(module);
        if (cache != null) {
            compiler.withCache(cache.forChicory());
        }
        Function<Instance, Machine> factory = compiler.compile();
        return b -> b.withMachineFactory(factory).withMemoryFactory(ByteArrayMemory::new);
    };

    /** Our compiler (io.fssdk.runtime.compiler). The code cache is not used by it yet. */
    static final CoreCodegen OPTIMIZING = (module, label, cache) -> {
        CompiledWasm compiled = WasmCompiler.compile(module, CompilerOptions.DEFAULTS);
        return b -> b.withMachineFactory(compiled.machineFactory()).withMemoryFactory(compiled.memoryFactory());
    };

    private CoreCodegens() {
    }

    /** The generator for {@code mode}. */
    static CoreCodegen of(ExecutionMode mode) {
        return switch (mode) {
            case COMPILER -> CHICORY_COMPILER;
            case INTERPRETER -> INTERPRETER;
            case OPTIMIZING -> OPTIMIZING;
        };
    }
}
