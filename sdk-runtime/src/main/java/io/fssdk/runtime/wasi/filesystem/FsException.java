package io.fssdk.runtime.wasi.filesystem;

import java.io.IOException;

/**
 * A filesystem operation failed with a WASI {@link ErrorCode}. As an {@link IOException} it can also fail
 * a file stream; the guest then gets an {@code error} resource that {@code filesystem-error-code}
 * classifies. The message names the code only, never a host path.
 */
public final class FsException extends IOException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** Creates the exception. */
    public FsException(ErrorCode code) {
        super(code.witName());
        this.code = code;
    }

    /** Creates the exception with the host failure behind it, kept for the embedder's debugging. */
    public FsException(ErrorCode code, Throwable cause) {
        super(code.witName(), cause);
        this.code = code;
    }

    /** The error code the guest sees. */
    public ErrorCode code() {
        return code;
    }
}
