package io.fssdk.runtime.component.validate;

/**
 * A validation failure while the pass is still unwinding: each level it leaves (a declarator, a
 * definition, a nested component) prefixes where it was, and {@link ComponentValidator} turns the
 * finished message into an {@link io.fssdk.runtime.component.InvalidException} once. It has no stack
 * trace, since it is an expected outcome on hostile input and is created once per level.
 */
final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
        super(message, null, false, false);
    }

    /** The same failure, one level further out: {@code "where: message"}. */
    Invalid at(String where) {
        return new Invalid(where + ": " + getMessage());
    }
}
