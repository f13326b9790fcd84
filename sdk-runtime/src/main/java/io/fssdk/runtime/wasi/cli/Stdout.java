package io.fssdk.runtime.wasi.cli;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.wasi.io.HostOutputStream;
import io.fssdk.runtime.wasi.io.Streams;
import io.fssdk.runtime.wasi.io.Values;

/**
 * <a href="https://github.com/WebAssembly/wasi-cli/blob/v0.2.0/wit/stdio.wit">{@code wasi:cli/stdout}</a>:
 * every {@code get-stdout} hands out a new handle to the one host stream, which dropping a handle does not close.
 */
public final class Stdout {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:cli/stdout";

    private final Streams streams;
    private final HostOutputStream stream;

    /** Creates the interface over the host's stdout stream. */
    public Stdout(Streams streams, HostOutputStream stream) {
        this.streams = streams;
        this.stream = stream;
    }

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        linker.function(INTERFACE + "@" + version, "get-stdout", args -> Values.result(streams.own(stream)));
    }
}
