package io.fssdk.runtime.memory;

import io.fssdk.api.spi.StateBackend;
import io.fssdk.runtime.testing.StoreConformanceTest;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("store conformance: in-memory backend")
class InMemoryStoreConformanceTest extends StoreConformanceTest {
    @Override
    protected StateBackend newBackend(Path dir) {
        return new InMemoryStateBackend();
    }
}
