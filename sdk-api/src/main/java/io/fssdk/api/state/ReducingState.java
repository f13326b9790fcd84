package io.fssdk.api.state;

/**
 * A value combined with each added value by a reduce function: the first value added is kept as it is,
 * then {@code value = reduce(value, added)}.
 *
 * @param <T> the value type
 */
public interface ReducingState<T> extends AggregatingState<T, T> {
}
