package io.fssdk.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The one exception of the operator contract. It is unchecked and immutable, and always carries an
 * {@link ErrorCode}. When a runner wraps a failure of an operator, it also names the operator and the
 * lifecycle step ({@code "process"}, {@code "init"} …) in which the failure happened.
 */
public final class SdkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String operator;
    private final String step;

    /** Creates an exception with a code and a message. */
    public SdkException(ErrorCode code, String message) {
        this(code, message, null, null, null);
    }

    /** Creates an exception with a code, a message and the underlying cause. */
    public SdkException(ErrorCode code, String message, Throwable cause) {
        this(code, message, null, null, cause);
    }

    /**
     * Creates an exception that names the operator and the lifecycle step that failed.
     *
     * @param operator the operator's name, or {@code null} when there is none
     * @param step the lifecycle step, or {@code null} when there is none
     */
    public SdkException(ErrorCode code, String message, String operator, String step, Throwable cause) {
        super(format(Objects.requireNonNull(code, "code"), message, operator, step), cause);
        this.code = code;
        this.operator = operator;
        this.step = step;
    }

    private static String format(ErrorCode code, String message, String operator, String step) {
        StringBuilder sb = new StringBuilder(code.name().toLowerCase(java.util.Locale.ROOT)).append(": ");
        if (operator != null) {
            sb.append("operator `").append(operator).append("`");
            sb.append(step != null ? ", step `" + step + "`: " : ": ");
        } else if (step != null) {
            sb.append("step `").append(step).append("`: ");
        }
        return sb.append(message).toString();
    }

    /** The error code. */
    public ErrorCode code() {
        return code;
    }

    /** The operator that failed, when a runner attributed the failure. */
    public Optional<String> operator() {
        return Optional.ofNullable(operator);
    }

    /** The lifecycle step that failed, when a runner attributed the failure. */
    public Optional<String> step() {
        return Optional.ofNullable(step);
    }
}
