package io.fssdk.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.spi.CheckpointInfo;
import io.fssdk.api.spi.StateBackend;
import io.fssdk.api.spi.StoreNames;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Restoring under a live runner. Regression: {@code backend.restore(id)} closed the store handle the
 * runner had cached, and every later call of that runner failed (20 of 20), for good.
 */
class OperatorRunnerRestoreTest {
    private final InMemoryStateBackend backend = new InMemoryStateBackend();

    /** Counts each record in store "c", keeping the store it opened in init, as real operators do. */
    private static final class Counting implements Driver {
        private Store store;

        @Override
        public void init(Context ctx, Map<String, String> config) {
            store = ctx.getOrCreateStore("c");
        }

        @Override
        public void process(Context ctx, int sourceId, byte[] data) {
            long n = store.getState(data).map(v -> Long.parseLong(new String(v, StandardCharsets.US_ASCII))).orElse(0L);
            store.putState(data, Long.toString(n + 1).getBytes(StandardCharsets.US_ASCII));
        }
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private OperatorRunner runner() {
        OperatorRunner runner = OperatorRunner.builder().operatorName("c").driver(new Counting())
                .stateBackend(backend).build();
        runner.init();
        return runner;
    }

    private String count(String key) {
        try (Store s = backend.openStore(StoreNames.namespaced("c", "c"))) {
            return s.getState(utf8(key)).map(v -> new String(v, StandardCharsets.US_ASCII)).orElse("none");
        }
    }

    @Test
    void runnerRestoreReopensItsStoresAndReturnsTheMetadata() {
        try (OperatorRunner runner = runner()) {
            runner.process(0, utf8("w"));
            runner.takeCheckpoint(1, utf8("line=1"));
            runner.process(0, utf8("w"));
            runner.process(0, utf8("w"));
            assertEquals(new CheckpointInfo(1, utf8("line=1")), runner.restore(1));
            assertEquals(Optional.of(new CheckpointInfo(1, utf8("line=1"))), runner.restoredCheckpoint());
            for (int i = 0; i < 20; i++) {
                runner.process(0, utf8("w"));
            }
            assertEquals("21", count("w"));
        }
    }

    @Test
    void aRestoreMadeOnTheBackendDirectlyDoesNotBreakALiveRunner() {
        try (OperatorRunner runner = runner()) {
            runner.process(0, utf8("w"));
            backend.checkpoint(1);
            runner.process(0, utf8("w"));
            backend.restore(1);
            for (int i = 0; i < 20; i++) {
                runner.process(0, utf8("w"));
            }
            assertEquals("21", count("w"));
        }
    }

    @Test
    void builderRestoreFromRestoresBeforeInit() {
        try (OperatorRunner runner = runner()) {
            runner.process(0, utf8("w"));
            runner.takeCheckpoint(5, utf8("meta"));
            runner.process(0, utf8("w"));
        }
        assertEquals(5, backend.latestCheckpoint().orElseThrow().id());
        OperatorRunner restored = OperatorRunner.builder().operatorName("c").driver(new Counting())
                .stateBackend(backend).restoreFrom(5).build();
        assertArrayEquals(utf8("meta"), restored.restoredCheckpoint().orElseThrow().metadata());
        assertEquals("1", count("w"));
        restored.init();
        restored.process(0, utf8("w"));
        assertEquals("2", count("w"));
        restored.close();
    }

    @Test
    void restoringAMissingCheckpointOrFromABackendWithoutCheckpointsIsAClearError() {
        try (OperatorRunner runner = runner()) {
            runner.process(0, utf8("w"));
            SdkException missing = assertThrows(SdkException.class, () -> runner.restore(3));
            assertEquals(ErrorCode.STORE_NOT_FOUND, missing.code());
            assertEquals(Optional.of("restore"), missing.step());
            runner.process(0, utf8("w"));
            assertEquals("2", count("w"), "a failed restore leaves the runner working");
        }
        assertEquals(ErrorCode.STORE_NOT_FOUND, assertThrows(SdkException.class,
                () -> OperatorRunner.builder().operatorName("c").driver(new Counting()).stateBackend(backend)
                        .restoreFrom(3).build()).code());
        StateBackend plain = new StateBackend() {
            @Override
            public Store openStore(String name) {
                return backend.openStore(name);
            }

            @Override
            public void close() {
            }
        };
        SdkException e = assertThrows(SdkException.class, () -> OperatorRunner.builder().operatorName("c")
                .driver(new Counting()).stateBackend(plain).restoreFrom(1).build());
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
