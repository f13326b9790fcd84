package io.fssdk.flink;

import io.fssdk.api.spi.StateBackend;
import io.fssdk.runtime.testing.StoreConformanceTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/**
 * The store conformance suite of {@code sdk-runtime} on {@link FlinkStateBackend} over Flink's heap keyed
 * state ({@code HashMapStateBackend}, Flink's default), inside a keyed operator test harness. The heap
 * backend hands out the very arrays it stores and iterates in hash order, so this run checks the copies and
 * the ordering the store adds on top.
 */
class HeapStoreConformanceTest extends StoreConformanceTest {
    private KeyedHarness harness;

    @Override
    protected StateBackend newBackend(Path dir) {
        try {
            harness = new KeyedHarness(null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return harness.newBackend();
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }
}
