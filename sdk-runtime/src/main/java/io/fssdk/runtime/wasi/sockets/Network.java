package io.fssdk.runtime.wasi.sockets;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.wasi.io.Values;

/**
 * <a href="https://github.com/WebAssembly/wasi-sockets/blob/v0.2.0/wit/network.wit">{@code wasi:sockets/network}</a>:
 * the {@code network} resource, a capability token with no methods, and {@code network-error-code}
 * (unstable, present in later 0.2.x), which classifies no stream error since no socket streams exist.
 */
public final class Network {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:sockets/network";

    private final ResourceType network = ResourceType.host("network", INTERFACE);

    /** The {@code network} resource type. */
    public ResourceType type() {
        return network;
    }

    /** A new owned {@code network} handle, granting nothing. */
    public WitValue own() {
        return Values.own(network, Boolean.FALSE);
    }

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        String iface = INTERFACE + "@" + version;
        linker.resource(iface, network);
        linker.function(iface, "network-error-code", args -> Values.result(WitValue.none()));
    }
}
