package io.fssdk.runtime.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;

/**
 * Fuzz target 4: {@link ProcessorConfig#parse} on arbitrary text. A config is either read or refused with
 * {@code CONFIG_INVALID}; nothing else may come out (Jackson's own exceptions, a stack overflow on deep
 * nesting, an anchor bomb's memory). Seeds: {@code ProcessorConfigFuzzTestInputs/}.
 */
class ProcessorConfigFuzzTest {
    @FuzzTest(maxDuration = "2h")
    void parseArbitraryYaml(FuzzedDataProvider data) {
        String yaml = data.consumeRemainingAsString();
        try {
            ProcessorConfig.parse(yaml, "fuzz.yaml");
        } catch (SdkException e) {
            assertEquals(ErrorCode.CONFIG_INVALID, e.code(), e.getMessage());
        }
    }
}
