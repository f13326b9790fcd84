package io.fssdk.flink;

import io.fssdk.api.Driver;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * A real keyed Flink context for store tests: Flink's keyed operator test harness around a
 * {@link DriverStreamOperator} with a do-nothing driver, on the given Flink state backend, with a Flink key
 * set, so a {@link FlinkStateBackend} over its keyed state store behaves as inside a running job.
 */
final class KeyedHarness {
    private final KeyedOneInputStreamOperatorTestHarness<String, byte[], byte[]> harness;
    private final DriverStreamOperator operator;

    KeyedHarness(StateBackend flinkBackend) throws Exception {
        operator = FlinkOperator.builder().operatorName("store-test").driver(() -> new Driver() { }).build()
                .newStreamOperator();
        harness = new KeyedOneInputStreamOperatorTestHarness<>(operator,
                record -> new String(record, StandardCharsets.UTF_8), Types.STRING);
        if (flinkBackend != null) {
            harness.setStateBackend(flinkBackend);
        }
        harness.open();
        setKey("k1");
    }

    /** Makes {@code key} the current Flink key, as Flink does before each record. */
    void setKey(String key) {
        operator.setCurrentKey(key);
    }

    /** A backend over the harness's keyed state, usable whenever a key is set. */
    FlinkStateBackend newBackend() {
        return FlinkStateBackend.of(operator.getKeyedStateStore());
    }

    /** Closes the harness and its operator. */
    void close() throws Exception {
        harness.close();
    }
}
