package io.fssdk.runtime.wasi.sockets;

import io.fssdk.runtime.component.Linker;

/**
 * <a href="https://github.com/WebAssembly/wasi-sockets/blob/v0.2.0/wit/udp-create-socket.wit">{@code wasi:sockets/udp-create-socket}</a>:
 * {@code create-udp-socket} answers {@code access-denied}: the host grants no network.
 */
public final class UdpCreateSocket {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:sockets/udp-create-socket";

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        linker.function(INTERFACE + "@" + version, "create-udp-socket", args -> SocketErrorCode.denied());
    }
}
