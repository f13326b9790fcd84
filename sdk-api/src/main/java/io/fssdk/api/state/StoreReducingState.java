package io.fssdk.api.state;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BinaryOperator;

/** {@link ReducingState}: the reduced value in a {@link StoreValueState}. */
final class StoreReducingState<T> implements ReducingState<T> {
    private final StoreValueState<T> value;
    private final BinaryOperator<T> reduce;

    StoreReducingState(StoreValueState<T> value, BinaryOperator<T> reduce) {
        this.value = value;
        this.reduce = reduce;
    }

    @Override
    public void add(T added) {
        Objects.requireNonNull(added, "value");
        Optional<T> current = value.value();
        value.update(current.isEmpty() ? added : Objects.requireNonNull(reduce.apply(current.get(), added),
                "reduce function returned null"));
    }

    @Override
    public Optional<T> get() {
        return value.value();
    }

    @Override
    public void clear() {
        value.clear();
    }
}
