package io.fssdk.flink;

import io.fssdk.api.spi.StateBackend;
import io.fssdk.runtime.testing.StoreConformanceTest;
import java.nio.file.Path;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.junit.jupiter.api.AfterEach;

/**
 * The store conformance suite on {@link FlinkStateBackend} over Flink's RocksDB keyed state
 * ({@code EmbeddedRocksDBStateBackend}, Flink's own frocksdb), inside a keyed operator test harness. RocksDB
 * serialises every value and iterates a map state in serialized-key order (length-prefixed strings, not
 * byte order), so this run checks that ordering never relies on the backend's iteration order.
 */
class RocksDBStoreConformanceTest extends StoreConformanceTest {
    private KeyedHarness harness;

    @Override
    protected StateBackend newBackend(Path dir) {
        try {
            harness = new KeyedHarness(new EmbeddedRocksDBStateBackend());
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
