package io.fssdk.runtime.component.link;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import io.fssdk.runtime.component.ExecutionMode;
import io.fssdk.runtime.component.InvalidException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The code generators behind each {@link ExecutionMode}. */
final class CoreCodegens {
    private static final Logger LOG = LoggerFactory.getLogger(CoreCodegens.class);

    /**
     * Chicory's interpreter: nothing to prepare. ByteArrayMemory because Chicory's default
     * ByteBufferMemory costs ~20% on guest memory access (bounds checks and endian conversion dominated the
     * counter's profile in BENCHMARKS.md).
     */
    static final CoreCodegen INTERPRETER = (module, label, cache) -> b -> b.withMemoryFactory(ByteArrayMemory::new)
            .withUnsafeExecutionListener(BackEdgeInterruption.INSTANCE);

    /**
     * Chicory's runtime compiler, through its cache when one is given. A module Chicory's validator rejects
     * is invalid. A valid module its compiler cannot handle (Chicory 1.7.5 throws IllegalArgumentException
     * for any v128 local, and has crashed with NullPointerException and "Types not empty") runs in the
     * interpreter instead, with a warning, rather than failing a component that runs fine interpreted.
     */
    static final CoreCodegen CHICORY_COMPILER = (module, label, cache) -> {
        Function<Instance, Machine> factory;
        try {
            MachineFactoryCompiler.Builder compiler = MachineFactoryCompiler.builder(module);
            if (cache != null) {
                compiler.withCache(cache.forChicory());
            }
            factory = compiler.compile();
        } catch (com.dylibso.chicory.wasm.InvalidException e) {
            throw new InvalidException(label + " is invalid: " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("{}: Chicory's compiler failed ({}); running it in the interpreter", label, e.toString());
            return INTERPRETER.prepare(module, label, cache);
        }
        return b -> b.withMachineFactory(factory).withMemoryFactory(ByteArrayMemory::new);
    };

    private CoreCodegens() {
    }

    /** The generator for {@code mode}. */
    static CoreCodegen of(ExecutionMode mode) {
        return switch (mode) {
            case COMPILER -> CHICORY_COMPILER;
            case INTERPRETER -> INTERPRETER;
        };
    }
}
