package io.fssdk.examples;

/**
 * A failure the command line reports as one sentence on stderr and an exit code (see
 * {@link CounterMain}): a usage error (2), or a failure while running (1).
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Something given on the command line cannot be used: exit code 2. */
    static CliException usage(String message) {
        return new CliException(CounterMain.EXIT_USAGE, message, null);
    }

    /** Something given on the command line cannot be used, because of {@code cause}: exit code 2. */
    static CliException usage(String message, Throwable cause) {
        return new CliException(CounterMain.EXIT_USAGE, message, cause);
    }

    /** The run failed: exit code 1. */
    static CliException failure(String message, Throwable cause) {
        return new CliException(CounterMain.EXIT_FAILURE, message, cause);
    }

    int exitCode() {
        return exitCode;
    }
}
