package io.fssdk.api.state;

import java.util.Optional;

/**
 * A single value.
 *
 * @param <T> the value type
 */
public interface ValueState<T> extends State {
    /** The value, or empty when none was set, it was cleared, or it expired. */
    Optional<T> value();

    /** Sets the value. */
    void update(T value);
}
