package io.fssdk.store.rocksdb;

import io.fssdk.api.spi.StateBackend;
import io.fssdk.runtime.testing.TypedStateConformanceTest;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("typed state conformance: RocksDB backend")
class RocksDBTypedStateConformanceTest extends TypedStateConformanceTest {
    @Override
    protected StateBackend newBackend(Path dir) {
        return RocksDBStateBackend.open(dir.resolve("db"));
    }
}
