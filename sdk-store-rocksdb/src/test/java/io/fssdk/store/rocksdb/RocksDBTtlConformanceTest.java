package io.fssdk.store.rocksdb;

import io.fssdk.api.spi.StateBackend;
import io.fssdk.runtime.testing.TtlConformanceTest;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("ttl conformance: RocksDB backend")
class RocksDBTtlConformanceTest extends TtlConformanceTest {
    @Override
    protected StateBackend newBackend(Path dir) {
        return RocksDBStateBackend.open(dir.resolve("db"));
    }
}
