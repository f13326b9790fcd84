package io.fssdk.runtime.wasi.sockets;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.wasi.io.Poll;

/**
 * <a href="https://github.com/WebAssembly/wasi-sockets/blob/v0.2.0/wit/udp.wit">{@code wasi:sockets/udp}</a>:
 * the {@code udp-socket} and datagram stream resources. {@link UdpCreateSocket} never makes a socket
 * while the network is denied; the methods answer {@code access-denied} should one exist.
 */
public final class Udp {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:sockets/udp";

    private final Poll poll;
    private final ResourceType socket = ResourceType.host("udp-socket", INTERFACE);
    private final ResourceType incoming = ResourceType.host("incoming-datagram-stream", INTERFACE);
    private final ResourceType outgoing = ResourceType.host("outgoing-datagram-stream", INTERFACE);

    /** Creates the interface, handing out pollables of {@code poll}. */
    public Udp(Poll poll) {
        this.poll = poll;
    }

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        String iface = INTERFACE + "@" + version;
        linker.resource(iface, socket).resource(iface, incoming).resource(iface, outgoing);
        Denied.results(linker, iface, "udp-socket", "start-bind", "finish-bind", "stream", "local-address",
                "remote-address", "unicast-hop-limit", "set-unicast-hop-limit", "receive-buffer-size",
                "set-receive-buffer-size", "send-buffer-size", "set-send-buffer-size");
        Denied.addressFamily(linker, iface, "udp-socket");
        Denied.subscribe(linker, iface, "udp-socket", poll);
        Denied.results(linker, iface, "incoming-datagram-stream", "receive");
        Denied.subscribe(linker, iface, "incoming-datagram-stream", poll);
        Denied.results(linker, iface, "outgoing-datagram-stream", "check-send", "send");
        Denied.subscribe(linker, iface, "outgoing-datagram-stream", poll);
    }
}
