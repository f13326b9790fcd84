package io.fssdk.runtime.memory;

import io.fssdk.api.spi.StateBackend;
import io.fssdk.runtime.testing.TtlConformanceTest;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("ttl conformance: in-memory backend")
class InMemoryTtlConformanceTest extends TtlConformanceTest {
    @Override
    protected StateBackend newBackend(Path dir) {
        return new InMemoryStateBackend();
    }
}
