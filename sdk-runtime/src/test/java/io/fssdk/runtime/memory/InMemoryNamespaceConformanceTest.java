package io.fssdk.runtime.memory;

import io.fssdk.api.spi.CheckpointingStateBackend;
import io.fssdk.runtime.testing.NamespaceConformanceTest;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("namespace conformance: in-memory backend")
class InMemoryNamespaceConformanceTest extends NamespaceConformanceTest {
    @Override
    protected CheckpointingStateBackend newBackend(Path dir) {
        return new InMemoryStateBackend();
    }

    @Override
    protected CheckpointingStateBackend restart(CheckpointingStateBackend old, Path dir) {
        return old; // nothing outlives the JVM; the same backend is what a restarted runner finds
    }
}
