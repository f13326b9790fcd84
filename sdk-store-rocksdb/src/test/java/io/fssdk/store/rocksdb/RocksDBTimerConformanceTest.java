package io.fssdk.store.rocksdb;

import io.fssdk.api.spi.CheckpointingStateBackend;
import io.fssdk.runtime.testing.TimerConformanceTest;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("timer conformance: RocksDB backend")
class RocksDBTimerConformanceTest extends TimerConformanceTest {
    @Override
    protected CheckpointingStateBackend newBackend(Path dir) {
        return RocksDBStateBackend.open(dir.resolve("db"));
    }
}
