package io.fssdk.runtime.wasi.random;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.wasi.WasiRandomSource;
import io.fssdk.runtime.wasi.io.Values;

/**
 * <a href="https://github.com/WebAssembly/wasi-random/blob/v0.2.0/wit/random.wit">{@code wasi:random/random}</a>:
 * {@code get-random-bytes} and {@code get-random-u64} from the granted source (secure by default).
 */
public final class Random {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:random/random";

    private final WasiRandomSource source;

    /** Creates the interface over a source. */
    public Random(WasiRandomSource source) {
        this.source = source;
    }

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        String iface = INTERFACE + "@" + version;
        linker.function(iface, "get-random-bytes",
                args -> Values.result(RandomBytes.bytes(source, Values.u64(args, 0))));
        linker.function(iface, "get-random-u64", args -> Values.result(WitValue.u64(RandomBytes.u64(source))));
    }
}
