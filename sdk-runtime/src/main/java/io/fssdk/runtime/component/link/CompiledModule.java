package io.fssdk.runtime.component.link;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.LinkException;
import io.fssdk.runtime.component.MalformedException;
import io.fssdk.runtime.component.core.StubBodies;
import java.io.ByteArrayInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One core module of a component: parsed by Chicory when the component is loaded, made runnable by its
 * {@link CoreCodegen} at most once (on first instantiation, under a lock), then shared by every instance. Chicory
 * ties a compiled machine factory to the one {@link WasmModule} object it was compiled from, so both are
 * kept together here. When the code cache already holds code for every function of the module, the module is
 * parsed with stub function bodies and without validation (see {@link CoreCodegen#precompiled}); should that
 * code then fail to load, the module is parsed again, whole and validated, before anything is instantiated
 * from it.
 */
final class CompiledModule {
    private static final Logger LOG = LoggerFactory.getLogger("io.fssdk.runtime.component");
    /**
     * Smaller modules are always parsed whole and validated, cache or not: it takes them milliseconds, and the
     * linker reads the bodies of small helper modules (a {@code wit-component} shim, see {@link ShimBypass}).
     */
    static final int PRECOMPILED_MIN_BYTES = 256 * 1024;

    /** The parsed module; replaced once (under the lock, before any instance) if precompiled code fails to load. */
    private volatile WasmModule module;
    /**
     * Cached code found before parsing (then {@link #module} has stub bodies and is not validated), until
     * {@link #code()} uses it.
     */
    private CoreCodegen.Precompiled precompiled;
    /** The module's bytes while {@link #precompiled} is pending: validated and parsed again if it fails. */
    private byte[] unvalidated;
    private final int offset;
    private final CoreCodegen codegen;
    private final CodeCache cache;
    private final String component;
    private final String label;
    private final String digest;
    private CoreCodegen.Code code;

    private CompiledModule(WasmModule module, CoreCodegen codegen, CodeCache cache, String component, String label,
            String digest, CoreCodegen.Precompiled precompiled, byte[] unvalidated, int offset) {
        this.module = module;
        this.precompiled = precompiled;
        this.unvalidated = unvalidated;
        this.offset = offset;
        this.digest = digest;
        this.codegen = codegen;
        this.cache = cache;
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
    static CompiledModule parse(byte[] bytes, int offset, CoreCodegen codegen, CodeCache cache, String component,
            int index) {
        return parse(bytes, offset, codegen, cache, component, index, PRECOMPILED_MIN_BYTES);
    }

    /**
     * {@link #parse(byte[], int, CoreCodegen, CodeCache, String, int)}, looking for precompiled code only for a
     * module of at least {@code precompiledMinBytes} bytes (tests lower it).
     */
    static CompiledModule parse(byte[] bytes, int offset, CoreCodegen codegen, CodeCache cache, String component,
            int index, int precompiledMinBytes) {
        String label = "core module " + index;
        // The digest is only a cache key: skip hashing (30 ms for a 12 MB module) when there is no cache.
        String digest = cache == null ? null : CodeCache.digest(bytes);
        CoreCodegen.Precompiled pre = digest == null || bytes.length < precompiledMinBytes ? null
                : codegen.precompiled(digest, cache);
        WasmModule module = pre == null ? parseModule(bytes, true, offset, label)
                : parseModule(StubBodies.of(bytes, label + " is malformed"), false, offset, label);
        return new CompiledModule(module, codegen, cache, component, label, digest, pre, pre == null ? null : bytes,
                offset);
    }

    /**
     * Chicory's parse of {@code bytes}, with or without validation (see {@link CoreCodegen#precompiled} for
     * when that is skipped), its failures as ours.
     */
    private static WasmModule parseModule(byte[] bytes, boolean validate, int offset, String label) {
        try {
            return validate ? Parser.parse(bytes)
                    : Parser.builder().withValidation(false).build().parse(() -> new ByteArrayInputStream(bytes));
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

    /** Whether this module's code is being compiled in the background. */
    synchronized boolean compiling() {
        return code != null && code.compiling();
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

    /** Prepares the module's code now (compiling it, if the generator compiles); later calls reuse it. */
    synchronized CoreCodegen.Code code() {
        if (code == null && precompiled != null) {
            try {
                code = precompiled.load(module, "`" + component + "`, " + label);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("`{}`, {}: cached code does not load ({}); validating and compiling again", component, label,
                        e.toString());
                module = parseModule(unvalidated, true, offset, label);
            }
            precompiled = null;
            unvalidated = null;
        }
        if (code == null) {
            code = codegen.prepare(module, digest, "`" + component + "`, " + label, cache);
        }
        return code;
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
        CoreCodegen.Code prepared = code(); // first: it may replace the module (see code())
        Instance.Builder b = Instance.builder(module).withImportValues(imports).withStart(false);
        prepared.configure(b);
        b.withTableFactory(CappedTable.factory(label));
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
