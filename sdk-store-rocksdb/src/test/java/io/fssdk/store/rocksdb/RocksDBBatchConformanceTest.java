package io.fssdk.store.rocksdb;

import io.fssdk.api.spi.StateBackend;
import io.fssdk.runtime.testing.BatchConformanceTest;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("batch conformance: RocksDB backend")
class RocksDBBatchConformanceTest extends BatchConformanceTest {
    @Override
    protected StateBackend newBackend(Path dir) {
        return RocksDBStateBackend.open(dir.resolve("db"));
    }
}
