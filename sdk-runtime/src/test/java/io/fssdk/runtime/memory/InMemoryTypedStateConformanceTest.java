package io.fssdk.runtime.memory;

import io.fssdk.api.spi.StateBackend;
import io.fssdk.runtime.testing.TypedStateConformanceTest;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("typed state conformance: in-memory backend")
class InMemoryTypedStateConformanceTest extends TypedStateConformanceTest {
    @Override
    protected StateBackend newBackend(Path dir) {
        return new InMemoryStateBackend();
    }
}
