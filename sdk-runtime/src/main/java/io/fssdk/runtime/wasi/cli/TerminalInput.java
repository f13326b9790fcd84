package io.fssdk.runtime.wasi.cli;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.ResourceType;

/**
 * <a href="https://github.com/WebAssembly/wasi-cli/blob/v0.2.0/wit/terminal.wit">{@code wasi:cli/terminal-input}</a>:
 * the {@code terminal-input} resource, which has no methods. The host is never a terminal, so no handle of it is
 * ever created; the type exists so that guests importing it link.
 */
public final class TerminalInput {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:cli/terminal-input";

    private final ResourceType type = ResourceType.host("terminal-input", INTERFACE);

    /** The {@code terminal-input} resource type. */
    public ResourceType type() {
        return type;
    }

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        linker.resource(INTERFACE + "@" + version, type);
    }
}
