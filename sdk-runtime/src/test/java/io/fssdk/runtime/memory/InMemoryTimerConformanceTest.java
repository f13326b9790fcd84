package io.fssdk.runtime.memory;

import io.fssdk.api.spi.CheckpointingStateBackend;
import io.fssdk.runtime.testing.TimerConformanceTest;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("timer conformance: in-memory backend")
class InMemoryTimerConformanceTest extends TimerConformanceTest {
    @Override
    protected CheckpointingStateBackend newBackend(Path dir) {
        return new InMemoryStateBackend();
    }
}
