package io.fssdk.runtime.wasi.cli;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.wasi.io.Values;

/**
 * <a href="https://github.com/WebAssembly/wasi-cli/blob/v0.2.0/wit/terminal.wit">{@code wasi:cli/terminal-stdin}</a>:
 * {@code get-terminal-stdin} answers {@code none}, since the stream is never a terminal (so guests neither colour
 * output nor prompt).
 */
public final class TerminalStdin {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:cli/terminal-stdin";

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        linker.function(INTERFACE + "@" + version, "get-terminal-stdin", args -> Values.result(WitValue.none()));
    }
}
