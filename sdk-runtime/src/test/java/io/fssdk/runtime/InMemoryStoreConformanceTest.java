package io.fssdk.runtime;

import io.fssdk.api.StateBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("store conformance: in-memory backend")
class InMemoryStoreConformanceTest extends StoreConformanceTest {
    @Override
    protected StateBackend newBackend(Path dir) {
        return new InMemoryStateBackend();
    }
}
