package io.fssdk.runtime.processor;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.component.ExecutionMode;
import java.time.Duration;
import java.util.Map;

/**
 * Fuzz target 2: a component from arbitrary bytes, loaded, linked against the processor imports and WASI,
 * initialised, and fed records through {@link WasmDriver}. Every failure must be an {@link SdkException}
 * (the driver's typed errors: invalid driver, operator failed, limit exceeded), within the deadline.
 * Seeds: {@code WasmDriverFuzzTestInputs/} (the C guests and past crashers).
 */
class WasmDriverFuzzTest {
    @FuzzTest(maxDuration = "2h")
    void driveArbitraryComponents(FuzzedDataProvider data) {
        byte[] record = data.consumeBytes(64);
        byte[] component = data.consumeRemainingAsBytes();
        TestContext ctx = new TestContext();
        WasmDriver driver;
        try {
            driver = WasmDriver.builder().component(component).operatorName("fuzz")
                    .executionMode(ExecutionMode.INTERPRETER).maxMemoryBytes(16 << 20)
                    .callDeadline(Duration.ofMillis(500)).build();
        } catch (SdkException refused) {
            return;
        }
        try {
            driver.init(ctx, Map.of("k", "v"));
            driver.process(ctx, 0, record);
            driver.processWatermark(ctx, 0, 1);
            driver.custom(ctx, record);
        } catch (SdkException expected) {
            // typed
        } finally {
            try {
                driver.close(ctx);
            } catch (SdkException ignored) {
                // closing a broken guest may fail, typed
            }
        }
    }
}
