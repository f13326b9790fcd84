package io.fssdk.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.examples.CounterOperator;
import io.fssdk.runtime.OperatorRunner;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Store namespaces (issue 13) on Flink: Flink keeps each operator's keyed state apart itself, so the runner
 * opens stores under their plain names and the Flink state names stay {@code fssdk-store/<name>}, as in the
 * releases before namespaces (savepoints restore unchanged); sharing across operators is refused.
 */
class FlinkStoreNamesTest {
    private KeyedHarness harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedHarness(null);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void storesKeepTheirPlainFlinkStateNames() throws Exception {
        FlinkStateBackend backend = harness.newBackend();
        assertTrue(backend.scopedToOneOperator());
        try (OperatorRunner runner = OperatorRunner.builder().operatorName("counter").driver(new CounterOperator())
                .stateBackend(backend).build()) {
            runner.init();
            runner.process(0, "hello".getBytes(StandardCharsets.UTF_8));
            runner.process(0, "hello".getBytes(StandardCharsets.UTF_8));
        }
        // Read through Flink's own state, under the descriptor of the bare name.
        try (FlinkStateBackend reader = harness.newBackend()) {
            assertEquals("2", new String(reader.openStore(CounterOperator.STORE_NAME)
                    .getState("hello".getBytes(StandardCharsets.UTF_8)).orElseThrow(), StandardCharsets.UTF_8));
        }
        assertEquals("fssdk-store/counter-store", FlinkStateBackend.descriptor(CounterOperator.STORE_NAME).getName());
    }

    @Test
    void aSharedStoreIsRefusedOnFlink() {
        SdkException e = assertThrows(SdkException.class, () -> OperatorRunner.builder().operatorName("a")
                .driver(new CounterOperator()).stateBackend(harness.newBackend()).sharedStore("totals").build());
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
        assertTrue(e.getMessage().contains("cannot be shared"), e.getMessage());
    }
}
