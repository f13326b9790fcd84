package io.fssdk.benchmarks;

import io.fssdk.api.Driver;
import io.fssdk.api.spi.StateBackend;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.OutputSink;

/** Builds and initialises the operator runners the benchmarks drive. */
final class Runners {
    private Runners() {
    }

    /** A runner for {@code driver} on {@code backend}, already initialised, with no key prefix. */
    static OperatorRunner started(String name, Driver driver, StateBackend backend, OutputSink sink) {
        OperatorRunner runner = OperatorRunner.builder()
                .operatorName(name)
                .driver(driver)
                .stateBackend(backend)
                .outputSink(sink)
                .watermarkSink((targetId, watermark) -> { })
                .build();
        runner.init();
        return runner;
    }
}
