package io.fssdk.runtime.wasi.cli;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.wasi.WasiExitException;

/**
 * <a href="https://github.com/WebAssembly/wasi-cli/blob/v0.2.0/wit/exit.wit">{@code wasi:cli/exit}</a>:
 * throws {@link WasiExitException}, which unwinds the guest as a trap instead of exiting the JVM.
 * {@code exit-with-code} (unstable in 0.2.0, present in later 0.2.x) carries its code through.
 */
public final class Exit {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:cli/exit";

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        String iface = INTERFACE + "@" + version;
        linker.function(iface, "exit", args -> {
            throw new WasiExitException(((WitValue.ResultValue) args.get(0)).ok() ? 0 : 1);
        });
        linker.function(iface, "exit-with-code", args -> {
            throw new WasiExitException(((WitValue.U8) args.get(0)).unsignedValue());
        });
    }
}
