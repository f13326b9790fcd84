package io.fssdk.runtime.wasi;

import java.util.Optional;

/**
 * The guest called <a href="https://github.com/WebAssembly/wasi-cli/blob/v0.2.0/wit/exit.wit">{@code wasi:cli/exit}</a>.
 * The host function throws it so that the guest stops at once, instead of the JVM exiting; the engine
 * then reports a {@link io.fssdk.runtime.component.TrapException} whose cause chain holds this exception
 * (find it with {@link #findIn(Throwable)}). The instance is poisoned afterwards, like a process that
 * exited.
 */
public final class WasiExitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * Creates the exception.
     *
     * @param status the exit status: 0 for {@code exit(ok)}, 1 for {@code exit(err)}, else the code given
     *     to {@code exit-with-code}
     */
    public WasiExitException(int status) {
        super("guest exited with status " + status, null, false, false);
        this.status = status;
    }

    /** The exit status. */
    public int status() {
        return status;
    }

    /** The exit of a guest, found in the cause chain of {@code t} (a trap wraps it), if it exited. */
    public static Optional<WasiExitException> findIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof WasiExitException wasiExitException) {
                return Optional.of(wasiExitException);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return Optional.empty();
    }
}
