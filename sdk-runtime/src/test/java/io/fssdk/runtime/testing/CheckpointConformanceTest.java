package io.fssdk.runtime.testing;

import static io.fssdk.runtime.testing.StoreAssertions.b;
import static io.fssdk.runtime.testing.StoreAssertions.ck;
import static io.fssdk.runtime.testing.StoreAssertions.scan;
import static io.fssdk.runtime.testing.StoreAssertions.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.StoreIterator;
import io.fssdk.api.spi.CheckpointingStateBackend;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint semantics every {@link CheckpointingStateBackend} shares: checkpoint, restore, unique ids,
 * and what a closed backend refuses. A backend module with durable checkpoints subclasses both this and
 * {@link StoreConformanceTest} (see the {@code io.fssdk.runtime.testing} package documentation).
 */
public abstract class CheckpointConformanceTest {
    /** The backend under test, opened before each test and closed after it. */
    protected CheckpointingStateBackend backend;

    /** Opens a new, empty backend that may keep its files under {@code dir}. */
    protected abstract CheckpointingStateBackend newBackend(Path dir);

    @BeforeEach
    void openBackend(@TempDir Path dir) {
        backend = newBackend(dir);
    }

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    @Test
    void closedBackendRefusesCheckpointAndRestore() {
        backend.openStore("s").putState(b("k"), b("v"));
        backend.checkpoint(1);
        backend.close();
        assertClosed(() -> backend.checkpoint(2));
        assertClosed(() -> backend.restore(1));
    }

    @Test
    void restoreRollsEveryStoreBackToTheCheckpoint() {
        Store s = backend.openStore("s");
        s.putState(b("k"), b("v1"));
        s.put(ck("g", "k", "n", "a"), b("a1"));
        s.merge(ck("g", "k", "n", "m"), b("x"));
        backend.checkpoint(1);
        s.putState(b("k"), b("v2"));
        s.put(ck("g", "k", "n", "b"), b("b2"));
        s.merge(ck("g", "k", "n", "m"), b("y"));
        s.deletePrefix(ck("g", "k", "n", "a"));
        backend.openStore("later").putState(b("k"), b("v"));
        StoreIterator it = s.scanComplex(b("g"), b("k"), b("n"));

        backend.restore(1);
        assertClosed(() -> s.getState(b("k")));
        assertClosed(it::hasNext);
        Store restored = backend.openStore("s");
        assertEquals("v1", str(restored.getState(b("k"))));
        assertEquals(List.of("a=a1", "m=x"), scan(restored, "g", "k", "n"));
        assertEquals(List.of(), backend.openStore("later").listStates(b(""), b("")), "stores made later are gone");

        // Writes after a restore must not reach the checkpoint: restoring again gives the same data.
        restored.putState(b("k"), b("v3"));
        restored.merge(ck("g", "k", "n", "m"), b("z"));
        backend.checkpoint(2);
        backend.restore(1);
        assertEquals("v1", str(backend.openStore("s").getState(b("k"))));
        assertEquals(List.of("a=a1", "m=x"), scan(backend.openStore("s"), "g", "k", "n"));
        backend.restore(2);
        assertEquals("v3", str(backend.openStore("s").getState(b("k"))));
        assertEquals(List.of("a=a1", "m=xz"), scan(backend.openStore("s"), "g", "k", "n"));
    }

    @Test
    void checkpointIdsAreUniqueAndMustExistToRestore() {
        Store s = backend.openStore("s");
        s.putState(b("k"), b("v"));
        backend.checkpoint(7);
        SdkException duplicate = assertThrows(SdkException.class, () -> backend.checkpoint(7));
        assertEquals(ErrorCode.CONFIG_INVALID, duplicate.code());
        SdkException unknown = assertThrows(SdkException.class, () -> backend.restore(8));
        assertEquals(ErrorCode.STORE_NOT_FOUND, unknown.code());
        assertEquals("v", str(s.getState(b("k"))), "a failed restore closes nothing");
    }

    private static void assertClosed(Executable call) {
        SdkException e = assertThrows(SdkException.class, call);
        assertEquals(ErrorCode.RUNTIME_CLOSED, e.code(), e::getMessage);
    }
}
