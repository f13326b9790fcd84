package io.fssdk.runtime.component.link;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.WasmModule;

/**
 * The one seam through which a parsed core module becomes runnable code. The engine picks an
 * implementation from {@code ComponentOptions.executionMode()} ({@link CoreCodegens#of}); everything else
 * about instantiation (imports, memory caps, start functions) stays in {@link CompiledModule}, so a new
 * code generator (our own compiler, issue "compiler") plugs in here and nowhere else.
 *
 * <p>Implementations are stateless and thread-safe: the per-module work is in the {@link Code} they
 * return, which {@link CompiledModule} makes at most once, under its lock, and shares with every instance.
 */
interface CoreCodegen {
    /**
     * Prepares {@code module} to run: compiles it now, or arranges to compile lazily. Called at most once
     * per module, on first instantiation or from {@code Component.compile()}.
     *
     * @param module the module as Chicory parsed it; compiled code is tied to this object
     * @param digest the SHA-256 of the module's bytes, in hex, when a cache is given (null otherwise): the part
     *     of a cache key that names the module
     * @param label a name for messages ("core module 3")
     * @param cache where compiled code may be kept between JVMs, if the embedder gave a place
     */
    Code prepare(WasmModule module, String digest, String label, CodeCache cache);

    /**
     * Code for the module whose bytes have SHA-256 {@code digest}, found in {@code cache} before the module is
     * parsed, or null. A generator returns it only for code that runs every function compiled; then the entry
     * also vouches that these exact bytes passed Chicory's validation when it was written (code is compiled,
     * and stored, only from a validated module), so the module is parsed again neither validated nor with its
     * function bodies, which no one will run ({@link io.fssdk.runtime.component.core.StubBodies}): those two
     * were most of a big guest's warm start (StarlingMonkey: 3.1 of 4.4 s). The cache directory is trusted as
     * it is: it holds code the JVM runs. Functions left to Chicory's interpreter need their bodies, validated
     * (validation annotates {@code drop} and {@code select} of a {@code v128} for the interpreter), hence the
     * condition.
     */
    default Precompiled precompiled(String digest, CodeCache cache) {
        return null;
    }

    /** Cached code found by {@link #precompiled}, waiting for the module it belongs to. */
    interface Precompiled {
        /**
         * Loads the code for {@code module}, parsed from the bytes the digest named with stub bodies.
         *
         * @throws RuntimeException if the code does not load; the caller then validates the module and
         *     prepares it afresh
         */
        Code load(WasmModule module, String label);
    }

    /** Runnable code for one module: it configures every instance built from that module. */
    interface Code {
        /** Sets the machine (how functions execute) and the memory implementation on {@code builder}. */
        void configure(Instance.Builder builder);

        /** Waits for code still compiling in the background; returns at once for code made eagerly. */
        default void awaitCompiled() {
        }

        /** Whether the code is still being compiled in the background. */
        default boolean compiling() {
            return false;
        }
    }
}
