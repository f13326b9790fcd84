package io.fssdk.runtime.memory;

import io.fssdk.api.spi.CheckpointingStateBackend;
import io.fssdk.runtime.testing.CheckpointConformanceTest;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("checkpoint conformance: in-memory backend")
class InMemoryCheckpointConformanceTest extends CheckpointConformanceTest {
    @Override
    protected CheckpointingStateBackend newBackend(Path dir) {
        return new InMemoryStateBackend();
    }
}
