package io.fssdk.runtime.wasi.sockets;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.wasi.io.HostPollable;
import io.fssdk.runtime.wasi.io.Poll;
import java.util.Optional;

/**
 * Defines resource methods of a denied network. No socket, datagram stream or address stream is ever
 * created, so these answer only if a future grant creates one; they are defined, with well-typed
 * denials, so that a guest that imports them links.
 */
final class Denied {
    private Denied() {
    }

    /** Methods returning {@code result<_, error-code>} (any ok type): {@code err(access-denied)}. */
    static void results(Linker.Builder linker, String iface, String resource, String... methods) {
        for (String m : methods) {
            linker.function(iface, "[method]" + resource + "." + m, args -> SocketErrorCode.denied());
        }
    }

    /** {@code subscribe: func() -> pollable}: always ready, since nothing will ever happen. */
    static void subscribe(Linker.Builder linker, String iface, String resource, Poll poll) {
        linker.function(iface, "[method]" + resource + ".subscribe",
                args -> Optional.of(poll.own(HostPollable.alwaysReady())));
    }

    /** {@code address-family: func() -> ip-address-family}: the family the socket was made with. */
    static void addressFamily(Linker.Builder linker, String iface, String resource) {
        linker.function(iface, "[method]" + resource + ".address-family",
                args -> Optional.of(WitValue.enumCase(((WitValue.Borrow) args.get(0)).handle().rep(Integer.class))));
    }
}
