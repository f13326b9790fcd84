package io.fssdk.runtime.wasi.io;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.WitValue;
import java.util.Objects;

/**
 * <a href="https://github.com/WebAssembly/wasi-io/blob/v0.2.0/wit/error.wit">{@code wasi:io/error}</a>:
 * the {@code error} resource a failed stream operation hands out. Its host object is the Java
 * {@link Throwable} that failed, so that other interfaces ({@code filesystem-error-code}) can classify it.
 */
public final class IoError {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:io/error";

    private final ResourceType error = ResourceType.host("error", INTERFACE);

    /** The {@code error} resource type. */
    public ResourceType type() {
        return error;
    }

    /** A new owned {@code error} handle for {@code cause}. */
    public WitValue own(Throwable cause) {
        return Values.own(error, Objects.requireNonNull(cause, "cause"));
    }

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        String iface = INTERFACE + "@" + version;
        linker.resource(iface, error);
        linker.function(iface, "[method]error.to-debug-string", args -> {
            Throwable t = Values.rep(args, 0, Throwable.class);
            String message = t.getMessage();
            // Only the message: a stack trace or host path would tell the guest about the host.
            return Values.result(WitValue.string(message == null ? t.getClass().getSimpleName() : message));
        });
    }
}
