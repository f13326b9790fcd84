package io.fssdk.runtime.wasi.sockets;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.wasi.io.Values;

/**
 * <a href="https://github.com/WebAssembly/wasi-sockets/blob/v0.2.0/wit/instance-network.wit">{@code wasi:sockets/instance-network}</a>:
 * hands out a {@code network} handle; holding it grants nothing, since the host allows no network use.
 */
public final class InstanceNetwork {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:sockets/instance-network";

    private final Network network;

    /** Creates the interface over the {@code network} resource. */
    public InstanceNetwork(Network network) {
        this.network = network;
    }

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        linker.function(INTERFACE + "@" + version, "instance-network", args -> Values.result(network.own()));
    }
}
