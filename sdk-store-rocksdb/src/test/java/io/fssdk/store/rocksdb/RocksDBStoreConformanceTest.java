package io.fssdk.store.rocksdb;

import io.fssdk.api.spi.StateBackend;
import io.fssdk.runtime.testing.StoreConformanceTest;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("store conformance: RocksDB backend")
class RocksDBStoreConformanceTest extends StoreConformanceTest {
    @Override
    protected StateBackend newBackend(Path dir) {
        return RocksDBStateBackend.open(dir.resolve("db"));
    }
}
