package io.fssdk.runtime.component;

/**
 * The component decoded, but is not valid: an index out of range, a canonical option set that does not
 * fit the function type, a core signature that does not match the flattened type, or a resource used
 * wrongly. The message names the definition at fault.
 */
public final class InvalidException extends ComponentException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public InvalidException(String message) {
        super(message);
    }

    /** Creates an exception with a message and a cause. */
    public InvalidException(String message, Throwable cause) {
        super(message, cause);
    }
}
