package io.fssdk.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;

/**
 * The streams a command uses instead of the process's own, so tests run commands in the JVM.
 *
 * @param in stdin, the {@code -} input
 * @param out stdout: the {@code -} output, and what {@code inspect} and {@code validate} print
 * @param err stderr: errors, and the progress line
 * @param errIsTerminal whether stderr is a terminal, which turns the progress line on by default
 */
record CliIo(InputStream in, PrintStream out, PrintStream err, boolean errIsTerminal) {
    CliIo {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /**
     * Prints a failure as one line, {@code fssdk: message}, plus the stack when {@code verbose}, and
     * returns its exit code.
     */
    int fail(RuntimeException e, boolean verbose) {
        int code = e instanceof CliException c ? c.exitCode() : ExitCodes.RUN_FAILED;
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
        err.println("fssdk: " + message.replace('\n', ' '));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
