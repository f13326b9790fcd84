package io.fssdk.runtime.wasi.sockets;

import io.fssdk.runtime.component.WitValue;
import java.util.Optional;

/**
 * The cases of {@code enum error-code} of
 * <a href="https://github.com/WebAssembly/wasi-sockets/blob/v0.2.0/wit/network.wit">{@code wasi:sockets/network}</a>
 * that this host answers, with their WIT case indices.
 */
enum SocketErrorCode {
    /** {@code access-denied}: the network was not granted. */
    ACCESS_DENIED(1);

    private final int index;

    SocketErrorCode(int index) {
        this.index = index;
    }

    /** This case as a value. */
    WitValue value() {
        return WitValue.enumCase(index);
    }

    /** {@code err(access-denied)} as a function result. */
    static Optional<WitValue> denied() {
        return Optional.of(WitValue.err(ACCESS_DENIED.value()));
    }
}
