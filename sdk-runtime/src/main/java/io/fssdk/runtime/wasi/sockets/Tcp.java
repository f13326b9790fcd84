package io.fssdk.runtime.wasi.sockets;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.wasi.io.Poll;
import io.fssdk.runtime.wasi.io.Values;

/**
 * <a href="https://github.com/WebAssembly/wasi-sockets/blob/v0.2.0/wit/tcp.wit">{@code wasi:sockets/tcp}</a>:
 * the {@code tcp-socket} resource. {@link TcpCreateSocket} never makes one while the network is denied;
 * the methods answer {@code access-denied} (and {@code is-listening} false) should one exist.
 */
public final class Tcp {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:sockets/tcp";

    private final Poll poll;
    private final ResourceType socket = ResourceType.host("tcp-socket", INTERFACE);

    /** Creates the interface, handing out pollables of {@code poll}. */
    public Tcp(Poll poll) {
        this.poll = poll;
    }

    /** The {@code tcp-socket} resource type. */
    public ResourceType type() {
        return socket;
    }

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        String iface = INTERFACE + "@" + version;
        linker.resource(iface, socket);
        Denied.results(linker, iface, "tcp-socket", "start-bind", "finish-bind", "start-connect", "finish-connect",
                "start-listen", "finish-listen", "accept", "local-address", "remote-address",
                "set-listen-backlog-size", "keep-alive-enabled", "set-keep-alive-enabled", "keep-alive-idle-time",
                "set-keep-alive-idle-time", "keep-alive-interval", "set-keep-alive-interval", "keep-alive-count",
                "set-keep-alive-count", "hop-limit", "set-hop-limit", "receive-buffer-size",
                "set-receive-buffer-size", "send-buffer-size", "set-send-buffer-size", "shutdown");
        linker.function(iface, "[method]tcp-socket.is-listening", args -> Values.result(WitValue.bool(false)));
        Denied.addressFamily(linker, iface, "tcp-socket");
        Denied.subscribe(linker, iface, "tcp-socket", poll);
    }
}
