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

    /** Runnable code for one module: it configures every instance built from that module. */
    interface Code {
        /** Sets the machine (how functions execute) and the memory implementation on {@code builder}. */
        void configure(Instance.Builder builder);

        /** Waits for code still compiling in the background; returns at once for code made eagerly. */
        default void awaitCompiled() {
        }
    }
}
