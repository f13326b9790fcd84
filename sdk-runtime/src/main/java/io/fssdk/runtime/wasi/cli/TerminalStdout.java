package io.fssdk.runtime.wasi.cli;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.wasi.io.Values;

/**
 * <a href="https://github.com/WebAssembly/wasi-cli/blob/v0.2.0/wit/terminal.wit">{@code wasi:cli/terminal-stdout}</a>:
 * {@code get-terminal-stdout} answers {@code none}, since the stream is never a terminal (so guests neither colour
 * output nor prompt).
 */
public final class TerminalStdout {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:cli/terminal-stdout";

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        linker.function(INTERFACE + "@" + version, "get-terminal-stdout", args -> Values.result(WitValue.none()));
    }
}
