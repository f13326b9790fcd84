package io.fssdk.runtime.component.link;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.compiler.internal.ClassLoadingCollector;
import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.compiler.internal.CompilerResult;
import com.dylibso.chicory.compiler.internal.MachineFactory;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import io.fssdk.runtime.compiler.CompiledClasses;
import io.fssdk.runtime.compiler.CompiledWasm;
import io.fssdk.runtime.compiler.CompilerOptions;
import io.fssdk.runtime.compiler.WasmCompiler;
import io.fssdk.runtime.component.ExecutionMode;
import io.fssdk.runtime.component.InvalidException;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The code generators behind each {@link ExecutionMode}. */
final class CoreCodegens {
    private static final Logger LOG = LoggerFactory.getLogger("io.fssdk.runtime.component");

    /**
     * Chicory's interpreter: nothing to prepare. ByteArrayMemory because Chicory's default
     * ByteBufferMemory costs ~20% on guest memory access (bounds checks and endian conversion dominated the
     * counter's profile in BENCHMARKS.md).
     */
    static final CoreCodegen INTERPRETER = (module, digest, label, cache) -> b -> b.withMemoryFactory(ByteArrayMemory::new)
            .withUnsafeExecutionListener(BackEdgeInterruption.INSTANCE);

    /**
     * Chicory's runtime compiler, through its cache when one is given.
     *
     * <p>A function too large for one JVM method runs in Chicory's interpreter. Chicory 1.7.5's public
     * {@code MachineFactoryCompiler} reports that only as a raw {@code Warning:} line on
     * {@code System.err}, naming neither the component nor its embedder, and can be made silent but not
     * asked which functions fell back. Its (exported) internal compiler returns them, so without a cache
     * this calls it the way {@code MachineFactoryCompiler} does, silently, and logs the functions once
     * through SLF4J (logger {@code io.fssdk.runtime.component}, INFO) under the component's name. With a
     * cache, Chicory's cache plumbing is private to {@code MachineFactoryCompiler}, so the fallback is
     * only silenced.
     *
     * <p>A module Chicory's validator rejects is invalid. A valid module its compiler cannot handle (Chicory
     * 1.7.5 throws IllegalArgumentException for any v128 local, and has crashed with NullPointerException and
     * "Types not empty") runs in the interpreter instead, with a warning, rather than failing a component
     * that runs fine interpreted.
     */
    static final CoreCodegen CHICORY_COMPILER = (module, digest, label, cache) -> {
        Function<Instance, Machine> factory;
        try {
            if (cache != null) {
                factory = MachineFactoryCompiler.builder(module).withInterpreterFallback(InterpreterFallback.SILENT)
                        .withCache(cache.forChicory()).compile();
            } else {
                CompilerResult result = Compiler.builder(module)
                        .withInterpreterFallback(InterpreterFallback.SILENT)
                        .withClassCollectorFactory(ClassLoadingCollector::new)
                        .build()
                        .compile();
                factory = new MachineFactory(module, ((ClassLoadingCollector) result.collector()).machineFactory());
                if (!result.interpretedFunctions().isEmpty()) {
                    LOG.info("{}: {} function(s) too large for one JVM method run in Chicory's interpreter "
                            + "(function indices {})", label, result.interpretedFunctions().size(),
                            new TreeSet<>(result.interpretedFunctions()));
                }
            }
        } catch (com.dylibso.chicory.wasm.InvalidException e) {
            throw new InvalidException(label + " is invalid: " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("{}: Chicory's compiler failed ({}); running it in the interpreter", label, e.toString());
            return INTERPRETER.prepare(module, digest, label, cache);
        }
        Function<Instance, Machine> f = factory;
        return b -> b.withMachineFactory(f).withMemoryFactory(ByteArrayMemory::new);
    };

    /**
     * Our compiler (io.fssdk.runtime.compiler), through the code cache when one is given. The key covers the
     * module's content, the compiler's own class files ({@link WasmCompiler#fingerprint()}) and its options,
     * so a cached entry is only ever loaded by the compiler that wrote it. An entry that passes the cache's
     * checksum but still fails to decode or load is compiled again. A module the compiler cannot translate
     * at all (a failure outside any function body) runs in Chicory's interpreter, with a warning.
     */
    static final CoreCodegen OURS = (module, digest, label, cache) -> {
        CompilerOptions options = CompilerOptions.DEFAULTS;
        String key = cache == null || digest == null ? null : ourKey(digest, options);
        CompiledWasm compiled = null;
        try {
            byte[] hit = key == null ? null : cache.get(key);
            if (hit != null) {
                try {
                    compiled = WasmCompiler.load(module, options, CompiledClasses.fromBytes(hit));
                } catch (IllegalArgumentException | IllegalStateException e) {
                    LOG.warn("{}: cached code does not load ({}); compiling again", label, e.getMessage());
                }
            }
            if (compiled == null) {
                CompiledClasses classes = WasmCompiler.translate(module, options);
                if (key != null) {
                    cache.put(key, classes.toBytes());
                }
                compiled = WasmCompiler.load(module, options, classes);
            }
        } catch (com.dylibso.chicory.wasm.InvalidException e) {
            throw new InvalidException(label + " is invalid: " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("{}: the compiler failed ({}); running it in the interpreter", label, e.toString());
            return INTERPRETER.prepare(module, digest, label, cache);
        }
        if (!compiled.interpretedFunctions().isEmpty()) {
            LOG.info("{}: {} function(s) run in Chicory's interpreter: {}", label,
                    compiled.interpretedFunctions().size(), compiled.interpretedReasons());
        }
        CompiledWasm code = compiled;
        return b -> b.withMachineFactory(code.machineFactory()).withMemoryFactory(code.memoryFactory());
    };

    /** The cache key of a module compiled by our compiler: content, compiler build and options. */
    static String ourKey(String digest, CompilerOptions options) {
        return "fssdk-compiler/" + WasmCompiler.fingerprint() + "/" + options + "/" + digest;
    }

    private CoreCodegens() {
    }

    /** The generator for {@code mode}. */
    static CoreCodegen of(ExecutionMode mode) {
        return switch (mode) {
            case COMPILER -> OURS;
            case CHICORY_COMPILER -> CHICORY_COMPILER;
            case INTERPRETER -> INTERPRETER;
        };
    }
}
