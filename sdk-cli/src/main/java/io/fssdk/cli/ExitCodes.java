package io.fssdk.cli;

/**
 * The exit codes of {@code fssdk}. Every failure also prints one line to stderr (the stack too with
 * {@code --verbose}).
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>Code</th><th>Meaning</th></tr>
 *   <tr><td>0</td><td>success (for {@code run}: the input ended, or the command was stopped by a signal
 *       and shut down cleanly)</td></tr>
 *   <tr><td>1</td><td>the run failed: the operator failed under {@code --on-error fail}, or a sink or
 *       the state failed</td></tr>
 *   <tr><td>2</td><td>usage error: an unknown option, a missing argument (picocli's code)</td></tr>
 *   <tr><td>3</td><td>the configuration is invalid ({@code validate} prints every problem)</td></tr>
 *   <tr><td>4</td><td>the component is missing, unreadable, malformed, or not of the processor world</td></tr>
 *   <tr><td>5</td><td>a Kafka broker could not be reached within the connect timeout</td></tr>
 * </table>
 */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** The run failed. */
    public static final int RUN_FAILED = 1;
    /** A usage error (picocli's {@code ExitCode.USAGE}). */
    public static final int USAGE = 2;
    /** The configuration is invalid. */
    public static final int CONFIG_INVALID = 3;
    /** The component is missing, unreadable, malformed, or of another world. */
    public static final int COMPONENT_INVALID = 4;
    /** A broker could not be reached. */
    public static final int BROKER_UNREACHABLE = 5;

    private ExitCodes() {
    }
}
