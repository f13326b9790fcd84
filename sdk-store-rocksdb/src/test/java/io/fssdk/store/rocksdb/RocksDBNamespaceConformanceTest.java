package io.fssdk.store.rocksdb;

import io.fssdk.api.spi.CheckpointingStateBackend;
import io.fssdk.runtime.testing.NamespaceConformanceTest;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("namespace conformance: RocksDB backend")
class RocksDBNamespaceConformanceTest extends NamespaceConformanceTest {
    @Override
    protected CheckpointingStateBackend newBackend(Path dir) {
        return RocksDBStateBackend.open(dir.resolve("db"));
    }

    @Override
    protected CheckpointingStateBackend restart(CheckpointingStateBackend old, Path dir) {
        old.close();
        return newBackend(dir);
    }
}
