package io.fssdk.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.spi.StoreNames;
import io.fssdk.api.spi.WriteBatch;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A call's writes wait on the JVM heap until it returns, so they have a budget: an operator that writes
 * without end fails with {@code LIMIT_EXCEEDED} instead of exhausting the heap, none of that call's writes
 * reach the store, and the next call works.
 */
class CallWriteBudgetTest {
    /** Writes {@code n} 100-byte values for a record "n", or one small value for any other record. */
    private static final class Writer implements Driver {
        private Store store;

        @Override
        public void init(Context ctx, Map<String, String> config) {
            store = ctx.getOrCreateStore("w");
        }

        @Override
        public void process(Context ctx, int sourceId, byte[] data) {
            String text = new String(data, StandardCharsets.UTF_8);
            if (text.chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(text);
                for (int i = 0; i < n; i++) {
                    store.putState(("k" + i).getBytes(StandardCharsets.UTF_8), new byte[100]);
                }
            } else {
                store.putState(data, data);
            }
        }
    }

    @Test
    void aCallThatWritesPastTheBudgetFailsTypedAndLeavesNothing() {
        InMemoryStateBackend backend = new InMemoryStateBackend();
        try (OperatorRunner runner = OperatorRunner.builder().operatorName("writer").driver(new Writer())
                .stateBackend(backend).maxCallWriteBytes(10_000).build()) {
            runner.init();
            runner.process(0, "50".getBytes(StandardCharsets.UTF_8)); // ~7.5 KB: within the budget
            SdkException e = assertThrows(SdkException.class,
                    () -> runner.process(0, "1000".getBytes(StandardCharsets.UTF_8)));
            assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
            assertTrue(String.valueOf(e.getMessage()).contains("budget of 10000 bytes"), e.getMessage());
            runner.process(0, "ok".getBytes(StandardCharsets.UTF_8));
        }
        try (Store s = backend.openStore(StoreNames.namespaced("writer", "w"))) {
            assertTrue(s.getState("k49".getBytes(StandardCharsets.UTF_8)).isPresent(), "the first call committed");
            assertTrue(s.getState("k50".getBytes(StandardCharsets.UTF_8)).isEmpty(),
                    "nothing of the failed call reached the store");
            assertArrayEquals("ok".getBytes(StandardCharsets.UTF_8),
                    s.getState("ok".getBytes(StandardCharsets.UTF_8)).orElseThrow(), "the next call worked");
        }
        backend.close();
    }

    @Test
    void theDefaultBudgetIs64MiBAndMustBePositive() {
        assertEquals(64L << 20, new WriteBatch().maxBytes());
        assertThrows(IllegalArgumentException.class, () -> OperatorRunner.builder().maxCallWriteBytes(0));
        assertThrows(IllegalArgumentException.class, () -> new WriteBatch(-1));
    }
}
