package io.fssdk.api.state;

import java.util.Optional;

/**
 * An accumulator merged with each added value by an {@link AggregateFunction}; only the accumulator is
 * stored.
 *
 * @param <IN> the input type
 * @param <OUT> the result type
 */
public interface AggregatingState<IN, OUT> extends State {
    /** Merges {@code value} into the accumulator (reads it, then writes it). */
    void add(IN value);

    /** The result of the accumulator, or empty when nothing was added (or it expired). */
    Optional<OUT> get();
}
