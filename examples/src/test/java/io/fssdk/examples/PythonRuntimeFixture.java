package io.fssdk.examples;

import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentOptions;
import io.fssdk.runtime.component.ExecutionMode;
import io.fssdk.runtime.processor.WasmDriver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The Python runtime component (about 18 MB), loaded once per test JVM in interpreter mode and shared by
 * every Python test: loading it takes tens of seconds (see the README's "Python guests"), so each test
 * builds its drivers on this one {@link Component} instead of the class-path resource.
 */
final class PythonRuntimeFixture {
    /** The Python guests' folder, relative to the examples module. */
    static final Path GUESTS = Path.of("guests", "python");
    /** Memory cap of the shared runtime: enough for CPython's heap, small enough that a memory bomb ends soon. */
    static final long MAX_MEMORY = 128L << 20;

    private static Component runtime;

    private PythonRuntimeFixture() {
    }

    /** The shared runtime, loaded on first use. */
    static synchronized Component runtime() {
        if (runtime == null) {
            try (InputStream in = PythonRuntimeFixture.class.getClassLoader()
                    .getResourceAsStream(WasmDriver.PYTHON_RUNTIME_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(WasmDriver.PYTHON_RUNTIME_RESOURCE + " is not on the class path");
                }
                runtime = Component.load(in.readAllBytes(), ComponentOptions.builder()
                        .executionMode(ExecutionMode.INTERPRETER).maxMemoryBytes(MAX_MEMORY).build());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return runtime;
    }

    /** A driver for {@code guests/python/<file>} on the shared runtime, with {@code deadline} per call. */
    static WasmDriver driver(String file, Duration deadline) {
        return WasmDriver.builder().component(runtime()).python(GUESTS.resolve(file)).callDeadline(deadline).build();
    }
}
