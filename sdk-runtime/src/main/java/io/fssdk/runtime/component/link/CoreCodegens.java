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
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionBody;
import io.fssdk.runtime.compiler.BackgroundCompiler;
import io.fssdk.runtime.compiler.CompiledClasses;
import io.fssdk.runtime.compiler.CompiledWasm;
import io.fssdk.runtime.compiler.CompilerOptions;
import io.fssdk.runtime.compiler.WasmCompiler;
import io.fssdk.runtime.component.ComponentOptions;
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
     * Modules with more instructions than this compile in the background (when the options allow): about one
     * second of compiling on two cores. A smaller module compiles at once, so its first call is compiled.
     */
    static final long BACKGROUND_INSTRUCTIONS = 250_000;

    /**
     * Our compiler (io.fssdk.runtime.compiler), through the code cache when one is given. The key covers the
     * module's content, the compiler's own class files ({@link WasmCompiler#fingerprint()}) and its options,
     * so a cached entry is only ever loaded by the compiler that wrote it. An entry that passes the cache's
     * checksum but still fails to decode or load is compiled again.
     *
     * <p>A large module not in the cache compiles on a background thread ({@link BackgroundCompiler}) while
     * its instances start in Chicory's interpreter, so instantiating a 12 MB guest waits for parsing only;
     * each instance moves to compiled code at its first call once compilation is done. A module the compiler
     * cannot translate at all (a failure outside any function body) runs in the interpreter, with a warning.
     * The interpreter (first tier, and any function left to it) gets the back-edge deadline check.
     */
    static CoreCodegen ours(boolean background) {
        return new CoreCodegen() {
            @Override
            public Code prepare(WasmModule module, String digest, String label, CodeCache cache) {
                return prepareOurs(background, module, digest, label, cache);
            }

            @Override
            public Precompiled precompiled(String digest, CodeCache cache) {
                byte[] hit = cache.get(ourKey(digest, CompilerOptions.DEFAULTS));
                if (hit == null) {
                    return null;
                }
                CompiledClasses classes;
                try {
                    classes = CompiledClasses.fromBytes(hit);
                } catch (IllegalArgumentException e) {
                    return null; // prepare() finds it again, says so, and compiles
                }
                if (!classes.interpretedFunctions().isEmpty()) {
                    return null;
                }
                return (module, label) -> configure(WasmCompiler.load(module, CompilerOptions.DEFAULTS, classes), label);
            }
        };
    }

    private static CoreCodegen.Code prepareOurs(boolean background, WasmModule module, String digest, String label,
            CodeCache cache) {
        CompilerOptions options = CompilerOptions.DEFAULTS;
        String key = cache == null || digest == null ? null : ourKey(digest, options);
        try {
            byte[] hit = key == null ? null : cache.get(key);
            if (hit != null) {
                try {
                    return configure(WasmCompiler.load(module, options, CompiledClasses.fromBytes(hit)), label);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    LOG.warn("{}: cached code does not load ({}); compiling again", label, e.getMessage());
                }
            }
            // Chicory's interpreter, the first tier, runs no vector instruction: a module with any compiles first.
            if (background && instructions(module) > BACKGROUND_INSTRUCTIONS && !WasmCompiler.usesVectors(module)) {
                BackgroundCompiler compiler = BackgroundCompiler.start(() -> {
                    long t0 = System.nanoTime();
                    CompiledWasm compiled = compileAndStore(module, options, cache, key);
                    LOG.info("{}: compiled in the background in {} ms", label, (System.nanoTime() - t0) / 1_000_000);
                    logInterpreted(compiled, label);
                    return compiled;
                });
                compiler.onFailure(e -> LOG.warn("{}: the compiler failed ({}); it stays in the interpreter",
                        label, e.toString()));
                return new CoreCodegen.Code() {
                    @Override
                    public void configure(Instance.Builder b) {
                        b.withMachineFactory(compiler.machineFactory()).withMemoryFactory(compiler.memoryFactory())
                                .withUnsafeExecutionListener(BackEdgeInterruption.INSTANCE);
                    }

                    @Override
                    public void awaitCompiled() {
                        compiler.await();
                    }

                    @Override
                    public boolean compiling() {
                        return !compiler.done();
                    }
                };
            }
            return configure(compileAndStore(module, options, cache, key), label);
        } catch (com.dylibso.chicory.wasm.InvalidException e) {
            throw new InvalidException(label + " is invalid: " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("{}: the compiler failed ({}); running it in the interpreter", label, e.toString());
            return INTERPRETER.prepare(module, digest, label, cache);
        }
    }

    private static CompiledWasm compileAndStore(WasmModule module, CompilerOptions options, CodeCache cache,
            String key) {
        CompiledClasses classes = WasmCompiler.translate(module, options);
        if (key != null) {
            cache.put(key, classes.toBytes());
        }
        return WasmCompiler.load(module, options, classes);
    }

    private static CoreCodegen.Code configure(CompiledWasm compiled, String label) {
        logInterpreted(compiled, label);
        return b -> b.withMachineFactory(compiled.machineFactory()).withMemoryFactory(compiled.memoryFactory())
                .withUnsafeExecutionListener(BackEdgeInterruption.INSTANCE);
    }

    private static void logInterpreted(CompiledWasm compiled, String label) {
        if (!compiled.interpretedFunctions().isEmpty()) {
            LOG.info("{}: {} function(s) run in Chicory's interpreter: {}", label,
                    compiled.interpretedFunctions().size(), compiled.interpretedReasons());
        }
    }

    /** The number of instructions in the module's function bodies: what compiling it costs. */
    static long instructions(WasmModule module) {
        long n = 0;
        for (FunctionBody body : module.codeSection().functionBodies()) {
            n += body.instructions().size();
        }
        return n;
    }

    /** The cache key of a module compiled by our compiler: content, compiler build and options. */
    static String ourKey(String digest, CompilerOptions options) {
        return "fssdk-compiler/" + WasmCompiler.fingerprint() + "/" + options + "/" + digest;
    }

    private CoreCodegens() {
    }

    private static final CoreCodegen OURS_BACKGROUND = ours(true);
    private static final CoreCodegen OURS_NOW = ours(false);

    /** The generator for the options' execution mode. */
    static CoreCodegen of(ComponentOptions options) {
        return switch (options.executionMode()) {
            case COMPILER -> options.compileInBackground() ? OURS_BACKGROUND : OURS_NOW;
            case CHICORY_COMPILER -> CHICORY_COMPILER;
            case INTERPRETER -> INTERPRETER;
        };
    }
}
