package io.fssdk.api.state;

import java.util.Optional;

/** {@link AggregatingState}: the accumulator in a {@link StoreValueState}. */
final class StoreAggregatingState<IN, ACC, OUT> implements AggregatingState<IN, OUT> {
    private final StoreValueState<ACC> accumulator;
    private final AggregateFunction<IN, ACC, OUT> function;

    StoreAggregatingState(StoreValueState<ACC> accumulator, AggregateFunction<IN, ACC, OUT> function) {
        this.accumulator = accumulator;
        this.function = function;
    }

    @Override
    public void add(IN value) {
        ACC acc = accumulator.value().orElseGet(function::createAccumulator);
        accumulator.update(function.add(acc, value));
    }

    @Override
    public Optional<OUT> get() {
        return accumulator.value().map(function::result);
    }

    @Override
    public void clear() {
        accumulator.clear();
    }
}
