package io.fssdk.api.state;

/**
 * How an {@link AggregatingState} folds inputs into an accumulator and reads a result from it.
 *
 * @param <IN> the input type
 * @param <ACC> the accumulator type, the one that is stored
 * @param <OUT> the result type
 */
public interface AggregateFunction<IN, ACC, OUT> {
    /** A fresh, empty accumulator. */
    ACC createAccumulator();

    /** Merges {@code value} into {@code accumulator}; returns the new accumulator (it may be the same object). */
    ACC add(ACC accumulator, IN value);

    /** The result an accumulator stands for. */
    OUT result(ACC accumulator);
}
