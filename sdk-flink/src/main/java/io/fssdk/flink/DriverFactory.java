package io.fssdk.flink;

import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.processor.WasmDriver;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes a {@link Driver} for one parallel subtask of a {@link FlinkOperator}. Flink serialises the
 * factory into the job and calls it once in every subtask's {@code open}, so each subtask (and each
 * restart) builds its own driver: drivers are single-threaded and need not be serialisable.
 *
 * <p>A lambda works for native drivers: {@code CounterOperator::new}. For components use
 * {@link #wasm(byte[])} or {@link #wasm(Path)}, which carry the component's bytes in the job, so task
 * managers need no copy of the file.
 */
@FunctionalInterface
public interface DriverFactory extends Serializable {
    /** A new driver; called once per subtask start. */
    Driver create() throws Exception;

    /**
     * A factory of {@link WasmDriver}s for this component (defaults: compiled, 256 MiB memory cap, 10 s
     * per-call deadline, WASI granting nothing). The bytes are copied; each subtask loads and compiles
     * them once.
     */
    static DriverFactory wasm(byte[] component) {
        byte[] bytes = component.clone();
        return () -> WasmDriver.builder().component(bytes).build();
    }

    /**
     * Reads the component now (when the job is built) and returns {@link #wasm(byte[])} of its bytes.
     *
     * @throws SdkException {@code CONFIG_INVALID} when the file cannot be read
     */
    static DriverFactory wasm(Path component) {
        try {
            return wasm(Files.readAllBytes(component));
        } catch (IOException e) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "cannot read component " + component + ": " + e, e);
        }
    }
}
