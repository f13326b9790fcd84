package io.fssdk.runtime;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import java.util.Locale;

/**
 * The errors an {@link OperatorRunner} reports, in one place so their codes and wording stay consistent.
 * Messages are lowercase and stable; the operator and step are carried by {@link SdkException} itself.
 */
final class RunnerErrors {
    private RunnerErrors() {
    }

    /** A step was called before {@code init} succeeded. */
    static SdkException notInitialised(String operator, String step) {
        return new SdkException(ErrorCode.RUNTIME_NOT_INITIALIZED, "init has not succeeded", operator, step, null);
    }

    /** {@code init} was called again after it succeeded. */
    static SdkException alreadyInitialised(String operator) {
        return new SdkException(ErrorCode.RUNTIME_INVALID_DRIVER, "init already succeeded; a driver is initialised once",
                operator, "init", null);
    }

    /** A step was called after {@code close}. */
    static SdkException closed(String operator, String step) {
        return new SdkException(ErrorCode.RUNTIME_CLOSED, "the runner is closed", operator, step, null);
    }

    /**
     * Attributes what a driver step threw to the operator and the step: {@code OPERATOR_FAILED}, or the
     * code of an {@code SdkException}, with {@code e} as the cause.
     */
    static SdkException stepFailed(String operator, String step, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt(); // wrapping must not swallow the interrupt
        }
        if (e instanceof SdkException s) {
            return new SdkException(s.code(), withoutPrefix(s, operator), operator, step, s);
        }
        return new SdkException(ErrorCode.OPERATOR_FAILED, "the driver threw " + e, operator, step, e);
    }

    /**
     * The message of {@code e} without the {@code "code: "} prefix SdkException adds, so it is not doubled;
     * and without its {@code "operator `x`: "} attribution when it already names this runner's operator
     * (a driver such as {@code WasmDriver} names its operator itself), since the wrapper names it again.
     */
    private static String withoutPrefix(SdkException e, String operator) {
        String message = String.valueOf(e.getMessage());
        String prefix = e.code().name().toLowerCase(Locale.ROOT) + ": ";
        message = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        if (e.operator().filter(operator::equals).isPresent()) {
            String attribution = "operator `" + operator + "`"
                    + e.step().map(step -> ", step `" + step + "`: ").orElse(": ");
            if (message.startsWith(attribution)) {
                message = message.substring(attribution.length());
            }
        }
        return message;
    }
}
