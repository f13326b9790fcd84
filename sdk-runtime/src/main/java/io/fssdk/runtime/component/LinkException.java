package io.fssdk.runtime.component;

/**
 * An import cannot be satisfied: nothing is defined under its name, the host version is not
 * semver-compatible, or the defined function or resource has another type. The message names the import
 * and says what was expected and what was found.
 */
public final class LinkException extends ComponentException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public LinkException(String message) {
        super(message);
    }

    /** Creates an exception with a message and a cause. */
    public LinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
