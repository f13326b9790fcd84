package io.fssdk.runtime.wasi.random;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.wasi.WasiRandomSource;
import io.fssdk.runtime.wasi.io.Values;

/**
 * <a href="https://github.com/WebAssembly/wasi-random/blob/v0.2.0/wit/insecure-seed.wit">{@code wasi:random/insecure-seed}</a>:
 * one 128-bit seed, drawn from the source on the first call and then answered on every call, as the spec
 * asks. Drawing it lazily leaves the source untouched for guests that never ask.
 */
public final class InsecureSeed {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:random/insecure-seed";

    private final WasiRandomSource source;
    private WitValue seed;

    /** Creates the interface over a source. */
    public InsecureSeed(WasiRandomSource source) {
        this.source = source;
    }

    private synchronized WitValue seed() {
        if (seed == null) {
            seed = WitValue.tuple(WitValue.u64(RandomBytes.u64(source)), WitValue.u64(RandomBytes.u64(source)));
        }
        return seed;
    }

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        linker.function(INTERFACE + "@" + version, "insecure-seed", args -> Values.result(seed()));
    }
}
