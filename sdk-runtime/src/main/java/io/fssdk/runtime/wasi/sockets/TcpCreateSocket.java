package io.fssdk.runtime.wasi.sockets;

import io.fssdk.runtime.component.Linker;

/**
 * <a href="https://github.com/WebAssembly/wasi-sockets/blob/v0.2.0/wit/tcp-create-socket.wit">{@code wasi:sockets/tcp-create-socket}</a>:
 * {@code create-tcp-socket} answers {@code access-denied}: the host grants no network.
 */
public final class TcpCreateSocket {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:sockets/tcp-create-socket";

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        linker.function(INTERFACE + "@" + version, "create-tcp-socket", args -> SocketErrorCode.denied());
    }
}
