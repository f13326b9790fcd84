package io.fssdk.runtime.component;

/**
 * The root of every error the component engine raises. It is unchecked and immutable; its subtypes follow
 * the spec's categories: {@link MalformedException} (bad bytes), {@link InvalidException} (well-formed but
 * not valid), {@link LinkException} (imports not satisfiable) and {@link TrapException} (a run-time trap).
 * Messages are lowercase and stable, and name the place: a byte offset, or a path such as
 * "import `wasi:io/streams@0.2.0`, function `[method]output-stream.write`".
 */
public abstract sealed class ComponentException extends RuntimeException
        permits MalformedException, InvalidException, LinkException, TrapException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    protected ComponentException(String message) {
        super(message);
    }

    /** Creates an exception with a message and a cause. */
    protected ComponentException(String message, Throwable cause) {
        super(message, cause);
    }
}
