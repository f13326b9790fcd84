package io.fssdk.runtime.wasi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory lent to the guest as a preopened
 * <a href="https://github.com/WebAssembly/wasi-filesystem/blob/v0.2.0/wit/preopens.wit">{@code wasi:filesystem/preopens}</a>
 * directory. The guest reaches nothing outside it: paths are resolved one component at a time inside
 * its real path, and {@code ..}, absolute paths and symbolic links that would leave it are refused.
 *
 * @param hostPath the real path of the host directory (symbolic links resolved)
 * @param guestPath the name the guest sees it under, e.g. {@code /data} or {@code .}
 * @param readOnly whether every change (write, create, remove, rename, set-times...) is refused with
 *     {@code error-code.read-only}
 */
public record WasiPreopen(Path hostPath, String guestPath, boolean readOnly) {
    /** Checks that neither path is null or empty. */
    public WasiPreopen {
        Objects.requireNonNull(hostPath, "hostPath");
        if (Objects.requireNonNull(guestPath, "guestPath").isEmpty()) {
            throw new IllegalArgumentException("guest path must not be empty");
        }
    }
}
