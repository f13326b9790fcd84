package io.fssdk.cli;

/**
 * A failure that ends a command with a given exit code and a one-line message for stderr. Immutable.
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    CliException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The process exit code, one of {@link ExitCodes}. */
    int exitCode() {
        return exitCode;
    }
}
