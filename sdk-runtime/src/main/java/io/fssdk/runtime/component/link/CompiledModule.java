package io.fssdk.runtime.component.link;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.internal.ClassLoadingCollector;
import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.compiler.internal.CompilerResult;
import com.dylibso.chicory.compiler.internal.MachineFactory;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.fssdk.runtime.component.ComponentOptions;
import io.fssdk.runtime.component.ExecutionMode;
import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.LinkException;
import io.fssdk.runtime.component.MalformedException;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One core module of a component: parsed by Chicory when the component is loaded, compiled to JVM
 * bytecode at most once (on first instantiation, under a lock), then shared by every instance. Chicory
 * ties a compiled machine factory to the one {@link WasmModule} object it was compiled from, so both are
 * kept together here.
 */
final class CompiledModule {
    private static final Logger LOG = LoggerFactory.getLogger("io.fssdk.runtime.component");

    private final WasmModule module;
    private final ExecutionMode mode;
    private final String component;
    private final String label;
    private Function<Instance, Machine> factory;

    private CompiledModule(WasmModule module, ExecutionMode mode, String component, String label) {
        this.module = module;
        this.mode = mode;
        this.component = component;
        this.label = label;
    }

    /**
     * Parses a core module of a component binary.
     *
     * <p>Chicory's parser reports most corrupt input with its own exceptions, but some corruptions reach
     * it as plain JVM ones: {@code BufferUnderflowException} (an immediate cut short),
     * {@code NullPointerException} (a {@code br} to a label that does not exist) and, with assertions
     * enabled, {@code AssertionError} (an {@code else} inside a {@code loop}). All of them mean the bytes
     * are malformed.
     *
     * @param bytes the module (possibly rewritten by the type unifier)
     * @param offset where the module starts in the component binary, for messages
     * @throws InvalidException when Chicory's validation rejects the module
     * @throws MalformedException for anything else the parser throws
     */
    static CompiledModule parse(byte[] bytes, int offset, ComponentOptions options, int index) {
        String label = "core module " + index;
        try {
            return new CompiledModule(Parser.parse(bytes), options.executionMode(), options.name(), label);
        } catch (com.dylibso.chicory.wasm.InvalidException e) {
            throw new InvalidException(label + " is invalid: " + e.getMessage(), e);
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            throw new MalformedException(label + " is malformed: " + describe(e), offset, e);
        }
    }

    /** The message of a parser failure, or its type when it has none (a bare assertion or NPE). */
    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
    }

    WasmModule module() {
        return module;
    }

    /** Whether the module defines (rather than imports) a linear memory. */
    boolean definesMemory() {
        return module.memorySection().map(ms -> ms.memoryCount() > 0).orElse(false);
    }

    String label() {
        return label;
    }

    /**
     * Compiles now if the mode asks for it; later instantiations reuse the result.
     *
     * <p>A function too large for one JVM method runs in Chicory's interpreter. Chicory 1.7.5's public
     * {@code MachineFactoryCompiler} reports that only as a raw {@code Warning:} line on
     * {@code System.err}, naming neither the component nor its embedder, and can only be made silent, not
     * asked which functions fell back. Its (exported) internal compiler returns them, so this calls it
     * the way {@code MachineFactoryCompiler.compile} does, silently, and logs them once through SLF4J
     * under the component's name.
     */
    synchronized Function<Instance, Machine> machineFactory() {
        if (mode == ExecutionMode.COMPILER && factory == null) {
            CompilerResult result = Compiler.builder(module)
                    .withInterpreterFallback(InterpreterFallback.SILENT)
                    .withClassCollectorFactory(ClassLoadingCollector::new)
                    .build()
                    .compile();
            factory = new MachineFactory(module, ((ClassLoadingCollector) result.collector()).machineFactory());
            if (!result.interpretedFunctions().isEmpty()) {
                LOG.info("`{}`, {}: {} function(s) too large for one JVM method run in Chicory's interpreter "
                        + "(function indices {})", component, label, result.interpretedFunctions().size(),
                        new TreeSet<>(result.interpretedFunctions()));
            }
        }
        return factory;
    }

    /**
     * Instantiates the module, running its start function.
     *
     * @param imports the resolved imports
     * @param maxMemoryPages a cap on each memory the module defines; it never raises the module's own
     *     declared maximum (Chicory's {@code withMemoryLimits} replaces the maximum, so the smallest of the
     *     two and Chicory's own limit is passed)
     */
    Instance instantiate(ImportValues imports, int maxMemoryPages) {
        // withStart(false): Chicory would otherwise run an exported `_start` as part of instantiation, but
        // the component model runs only the start section; a command's `_start` runs when `run` is called.
        // ByteArrayMemory: Chicory's default ByteBufferMemory costs ~20% on guest memory access (profiled in
        // BENCHMARKS.md: bounds checks and endian conversion dominate the counter's samples).
        Instance.Builder b = Instance.builder(module).withImportValues(imports).withStart(false)
                .withMemoryFactory(ByteArrayMemory::new);
        Function<Instance, Machine> f = machineFactory();
        if (f != null) {
            b.withMachineFactory(f);
        }
        module.memorySection().ifPresent(ms -> {
            if (ms.memoryCount() > 0) {
                MemoryLimits declared = ms.getMemory(0).limits();
                // Chicory keeps a memory in one Java array of pages and cannot hold more than
                // RUNTIME_MAX_PAGES (2 GiB - 64 KiB): a larger initial size made it throw
                // ArrayIndexOutOfBoundsException while instantiating. memory.grow already stops there.
                int max = Math.min(Math.min(declared.maximumPages(), maxMemoryPages), Memory.RUNTIME_MAX_PAGES);
                if (declared.initialPages() > max) {
                    throw new LinkException(label + " needs " + declared.initialPages()
                            + " memory pages at start, over the cap of " + max);
                }
                b.withMemoryLimits(new MemoryLimits(declared.initialPages(), max, declared.shared()));
            }
        });
        return b.build();
    }
}
