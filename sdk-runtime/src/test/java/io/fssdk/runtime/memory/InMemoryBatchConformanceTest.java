package io.fssdk.runtime.memory;

import io.fssdk.api.spi.StateBackend;
import io.fssdk.runtime.testing.BatchConformanceTest;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("batch conformance: in-memory backend")
class InMemoryBatchConformanceTest extends BatchConformanceTest {
    @Override
    protected StateBackend newBackend(Path dir) {
        return new InMemoryStateBackend();
    }
}
