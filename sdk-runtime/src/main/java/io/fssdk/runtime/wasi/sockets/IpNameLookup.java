package io.fssdk.runtime.wasi.sockets;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.wasi.io.Poll;

/**
 * <a href="https://github.com/WebAssembly/wasi-sockets/blob/v0.2.0/wit/ip-name-lookup.wit">{@code wasi:sockets/ip-name-lookup}</a>:
 * {@code resolve-addresses} answers {@code access-denied}, so no name of the host's network is ever
 * revealed; the {@code resolve-address-stream} resource exists so that guests importing it link.
 */
public final class IpNameLookup {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:sockets/ip-name-lookup";

    private final Poll poll;
    private final ResourceType stream = ResourceType.host("resolve-address-stream", INTERFACE);

    /** Creates the interface, handing out pollables of {@code poll}. */
    public IpNameLookup(Poll poll) {
        this.poll = poll;
    }

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        String iface = INTERFACE + "@" + version;
        linker.resource(iface, stream);
        linker.function(iface, "resolve-addresses", args -> SocketErrorCode.denied());
        Denied.results(linker, iface, "resolve-address-stream", "resolve-next-address");
        Denied.subscribe(linker, iface, "resolve-address-stream", poll);
    }
}
