package io.fssdk.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.spi.StateBackend;
import io.fssdk.api.state.Codecs;
import io.fssdk.api.state.ListState;
import io.fssdk.api.state.MapState;
import io.fssdk.api.state.ReducingState;
import io.fssdk.api.state.StateTtl;
import io.fssdk.api.state.States;
import io.fssdk.api.state.ValueState;
import io.fssdk.runtime.OperatorTestKit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State TTL on a backend: expiry exactly at the boundary, refresh on write or read, per-entry and
 * per-element expiry, lazy deletion on read, incremental cleanup of state never read again, and the
 * injected clock (a test clock, and the test kit's processing time).
 */
public abstract class TtlConformanceTest {
    private static final StateTtl TTL = StateTtl.of(Duration.ofMillis(100));

    /** The backend under test, opened before each test and closed after it. */
    protected StateBackend backend;
    private Store store;
    private long now;
    private States states;

    /** Opens a new, empty backend that may keep its files under {@code dir}. */
    protected abstract StateBackend newBackend(Path dir);

    @BeforeEach
    void openBackend(@TempDir Path dir) {
        backend = newBackend(dir);
        store = backend.openStore("ttl");
        now = 1_000;
        InstantSource clock = () -> Instant.ofEpochMilli(now);
        states = States.of(store).clock(clock);
    }

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    @Test
    void aValueExpiresExactlyAtWriteTimePlusTtl() {
        ValueState<String> v = states.value("v", Codecs.strings(), TTL);
        v.update("x");
        now = 1_099;
        assertEquals(Optional.of("x"), v.value(), "1 ms before the boundary it is alive");
        now = 1_100;
        assertEquals(Optional.empty(), v.value(), "at the boundary it is expired");
        assertEquals(Optional.empty(), store.get(valueKey("v")), "and reading it deleted it");
        v.update("y");
        now = 1_150;
        assertEquals(Optional.of("y"), v.value());
    }

    @Test
    void writesRefreshAndReadsRefreshOnlyWhenAsked() {
        ValueState<Long> onWrite = states.value("w", Codecs.longs(), TTL);
        ValueState<Long> onRead = states.value("r", Codecs.longs(), TTL.refreshOnRead());
        onWrite.update(1L);
        onRead.update(1L);
        now = 1_080;
        onWrite.update(2L);
        assertEquals(Optional.of(1L), onRead.value());
        now = 1_170;
        assertEquals(Optional.of(2L), onWrite.value(), "the write at 1080 moved expiry to 1180");
        assertEquals(Optional.of(1L), onRead.value(), "the read at 1080 moved expiry to 1180, this one to 1270");
        now = 1_180;
        assertEquals(Optional.empty(), onWrite.value(), "a read does not refresh ON_CREATE_AND_WRITE");
        now = 1_269;
        assertEquals(Optional.of(1L), onRead.value());
        now = 1_369;
        assertEquals(Optional.empty(), onRead.value());
    }

    @Test
    void mapEntriesExpireOneByOneAndIterationSkipsThem() {
        MapState<String, Long> m = states.map("m", Codecs.strings(), Codecs.longs(), TTL);
        m.put("a", 1L);
        now = 1_050;
        m.put("b", 2L);
        m.put("c", 3L);
        now = 1_100;
        assertEquals(Optional.empty(), m.get("a"));
        assertFalse(m.contains("a"));
        assertEquals(Optional.of(2L), m.get("b"));
        try (Stream<Map.Entry<String, Long>> entries = m.entries()) {
            assertEquals(List.of("b", "c"), entries.map(Map.Entry::getKey).toList());
        }
        now = 1_150;
        assertTrue(m.isEmpty(), "all expired");
        try (Stream<Map.Entry<String, Long>> entries = m.entries()) {
            assertEquals(0, entries.count());
        }
    }

    @Test
    void listElementsExpireOneByOne() {
        ListState<String> l = states.list("l", Codecs.strings(), TTL);
        l.add("old");
        now = 1_060;
        l.addAll(List.of("new1", "new2"));
        now = 1_100;
        assertEquals(List.of("new1", "new2"), l.get());
        now = 1_159;
        assertEquals(List.of("new1", "new2"), l.get());
        now = 1_160;
        assertEquals(List.of(), l.get());
        assertEquals(Optional.empty(), store.get(valueKey("l")), "the emptied list is deleted");
        l.update(List.of("u"));
        assertEquals(List.of("u"), l.get());

        ListState<String> refreshed = states.list("lr", Codecs.strings(), TTL.refreshOnRead());
        refreshed.add("a");
        now = 1_250;
        assertEquals(List.of("a"), refreshed.get());
        now = 1_349;
        assertEquals(List.of("a"), refreshed.get(), "the read at 1250 refreshed it");
    }

    @Test
    void reducingStateStartsOverAfterExpiry() {
        ReducingState<Long> sum = states.reducing("sum", Long::sum, Codecs.longs(), TTL);
        sum.add(5L);
        sum.add(6L);
        assertEquals(Optional.of(11L), sum.get());
        now = 1_100;
        sum.add(1L);
        assertEquals(Optional.of(1L), sum.get());
    }

    @Test
    void stateNeverReadAgainIsCleanedUpIncrementally() {
        StateTtl ttl = TTL.withCleanupBatch(8);
        // 50 keys written once and never read again.
        for (int i = 0; i < 50; i++) {
            states.forKey(utf8("old-" + i)).value("v", Codecs.longs(), ttl).update((long) i);
        }
        MapState<Integer, Integer> m = states.map("m", Codecs.ints(), Codecs.ints(), ttl);
        for (int i = 0; i < 20; i++) {
            m.put(i, i);
        }
        now = 2_000;
        // Writes to the same states under another key drive cleanup: every 4 writes (batch/2) through one
        // object, up to 8 index entries.
        ValueState<Long> busy = states.forKey(utf8("busy")).value("v", Codecs.longs(), ttl);
        MapState<Integer, Integer> busyMap = states.forKey(utf8("busy")).map("m", Codecs.ints(), Codecs.ints(), ttl);
        for (int i = 0; i < 80; i++) {
            busy.update((long) i);
            busyMap.put(-1, i);
        }
        for (int i = 0; i < 50; i++) {
            assertEquals(Optional.empty(), store.get(new ComplexKey(utf8("v"), utf8("old-" + i), new byte[0], new byte[0])),
                    "old-" + i + " was deleted without being read");
        }
        try (var it = store.scanComplex(utf8("m"), new byte[0], new byte[0])) {
            assertFalse(it.hasNext(), "map entries were deleted without being read");
        }
        assertEquals(Optional.of(79L), busy.value(), "live state stays");
    }

    @Test
    void theTestKitsProcessingTimeIsTheClockOfStateBuiltFromTheContext() {
        Driver driver = new Driver() {
            @Override
            public void process(Context ctx, int sourceId, byte[] data) {
                States.of(ctx, "s").value("last", Codecs.strings(), TTL).update(new String(data, StandardCharsets.UTF_8));
            }
        };
        try (OperatorTestKit kit = OperatorTestKit.builder(driver).stateBackend(backend).processingTime(5_000).build()) {
            kit.process("hello");
            ValueState<String> last = kit.states("s").value("last", Codecs.strings(), TTL);
            kit.advanceProcessingTime(Duration.ofMillis(99));
            assertEquals(Optional.of("hello"), last.value());
            kit.advanceProcessingTime(Duration.ofMillis(1));
            assertEquals(Optional.empty(), last.value());
            assertThrows(IllegalArgumentException.class, () -> kit.setProcessingTime(0));
        }
    }

    @Test
    void badTtlConfigurationsAreRefused() {
        assertEquals(ErrorCode.CONFIG_INVALID,
                assertThrows(SdkException.class, () -> StateTtl.of(Duration.ZERO)).code());
        assertEquals(ErrorCode.CONFIG_INVALID,
                assertThrows(SdkException.class, () -> StateTtl.of(Duration.ofNanos(5))).code());
        assertEquals(ErrorCode.CONFIG_INVALID,
                assertThrows(SdkException.class, () -> TTL.withCleanupBatch(1)).code());
    }

    @Test
    void aHugeTtlSaturatesInsteadOfOverflowing() {
        ValueState<Long> v = states.value("forever", Codecs.longs(), StateTtl.of(Duration.ofMillis(Long.MAX_VALUE)));
        now = Long.MAX_VALUE - 10;
        v.update(1L);
        assertEquals(Optional.of(1L), v.value());
    }

    private static ComplexKey valueKey(String name) {
        return new ComplexKey(utf8(name), new byte[0], new byte[0], new byte[0]);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
