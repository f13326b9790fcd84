package io.fssdk.store.rocksdb;

import io.fssdk.api.spi.CheckpointingStateBackend;
import io.fssdk.runtime.testing.CheckpointConformanceTest;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("checkpoint conformance: RocksDB backend")
class RocksDBCheckpointConformanceTest extends CheckpointConformanceTest {
    @Override
    protected CheckpointingStateBackend newBackend(Path dir) {
        return RocksDBStateBackend.open(dir.resolve("db"));
    }
}
