package io.fssdk.runtime.wasi.cli;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.wasi.io.HostInputStream;
import io.fssdk.runtime.wasi.io.Streams;
import io.fssdk.runtime.wasi.io.Values;

/**
 * <a href="https://github.com/WebAssembly/wasi-cli/blob/v0.2.0/wit/stdio.wit">{@code wasi:cli/stdin}</a>:
 * every {@code get-stdin} hands out a new handle to the one host stream, which dropping a handle does not close.
 */
public final class Stdin {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:cli/stdin";

    private final Streams streams;
    private final HostInputStream stream;

    /** Creates the interface over the host's stdin stream. */
    public Stdin(Streams streams, HostInputStream stream) {
        this.streams = streams;
        this.stream = stream;
    }

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        linker.function(INTERFACE + "@" + version, "get-stdin", args -> Values.result(streams.own(stream)));
    }
}
