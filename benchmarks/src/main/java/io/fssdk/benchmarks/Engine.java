package io.fssdk.benchmarks;

import io.fssdk.api.Driver;
import io.fssdk.examples.CounterOperator;
import io.fssdk.runtime.component.ExecutionMode;
import java.util.function.Supplier;

/** How the counter runs: as native Java, or as the C component on one of the engine's execution modes. */
public enum Engine {
    /** {@link CounterOperator}, the native Java counter. */
    NATIVE,
    /** {@code counter.wasm} through WasmDriver on our compiler ({@code ExecutionMode.COMPILER}), the default. */
    WASM_COMPILER,
    /** {@code counter.wasm} through WasmDriver, core modules compiled to JVM bytecode by Chicory's compiler. */
    WASM_CHICORY,
    /** {@code counter.wasm} through WasmDriver on Chicory's interpreter. */
    WASM_INTERPRETER;

    /**
     * Makes counter drivers; for the component engines the component is parsed and compiled here, once,
     * and every driver is a new instance of it.
     */
    public Supplier<Driver> counter() {
        return switch (this) {
            case NATIVE -> CounterOperator::new;
            case WASM_COMPILER -> ComponentOperator.load(Fixtures.counterComponent(), ExecutionMode.COMPILER);
            case WASM_CHICORY -> ComponentOperator.load(Fixtures.counterComponent(), ExecutionMode.CHICORY_COMPILER);
            case WASM_INTERPRETER -> ComponentOperator.load(Fixtures.counterComponent(), ExecutionMode.INTERPRETER);
        };
    }
}
