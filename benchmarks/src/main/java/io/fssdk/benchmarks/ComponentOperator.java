package io.fssdk.benchmarks;

import io.fssdk.api.Driver;
import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentOptions;
import io.fssdk.runtime.component.ExecutionMode;
import io.fssdk.runtime.processor.WasmDriver;
import java.util.function.Supplier;

/**
 * A processor component loaded and compiled once, handing out as many drivers (one fresh instance each)
 * as the benchmark wants. This is the one class that knows how WasmDriver is built.
 */
public final class ComponentOperator implements Supplier<Driver> {
    private final Component component;

    private ComponentOperator(Component component) {
        this.component = component;
    }

    /** Parses {@code binary} and, in compiler mode, compiles its core modules now. */
    public static ComponentOperator load(byte[] binary, ExecutionMode mode) {
        Component component = Component.load(binary, ComponentOptions.builder().executionMode(mode).build());
        return new ComponentOperator(component.compile());
    }

    /** Drivers of an already loaded (and, in compiler mode, compiled) component. */
    public static ComponentOperator of(Component component) {
        return new ComponentOperator(component);
    }

    /** The compiled component. */
    public Component component() {
        return component;
    }

    /**
     * A new driver sharing the compiled component; it instantiates the component on its {@code init}.
     * Every other setting is WasmDriver's default (memory cap, call deadline, no WASI grants), so the
     * numbers are what an embedder gets out of the box.
     */
    @Override
    public Driver get() {
        return WasmDriver.builder().component(component).operatorName("bench").build();
    }
}
