package io.fssdk.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.TimeDomain;
import io.fssdk.api.Timer;
import io.fssdk.api.TimerDriver;
import io.fssdk.api.spi.CheckpointingStateBackend;
import io.fssdk.runtime.OperatorTestKit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timers on a backend: event-time timers fire when a watermark passes them, before the operator sees the
 * watermark; processing-time timers on the embedder's clock; in order, once, deduplicated, with the current
 * key set; and, kept in the operator's store, they survive a checkpoint and restore.
 */
public abstract class TimerConformanceTest {
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
    void eventTimersFireInOrderWhenTheWatermarkPassesThemBeforeTheWatermarkIsSeen() {
        Recorder op = new Recorder();
        try (OperatorTestKit kit = kit(op)) {
            op.register = ctx -> {
                ctx.timers().registerEventTimeTimer(key("k2", "w"), 20);
                ctx.timers().registerEventTimeTimer(key("k1", "w"), 10);
                ctx.timers().registerEventTimeTimer(key("k1", "w"), 10); // the same timer: kept once
                ctx.timers().registerEventTimeTimer(key("k0", "w"), 10);
                ctx.timers().registerEventTimeTimer(key("k3", "w"), Long.MIN_VALUE + 1);
                ctx.timers().registerEventTimeTimer(key("k4", "w"), 30);
                ctx.timers().deleteEventTimeTimer(key("k4", "w"), 30);
            };
            kit.process("register");
            assertEquals(4, kit.pendingTimers(TimeDomain.EVENT_TIME).size());
            kit.advanceWatermark(9);
            assertEquals(List.of("event@-9223372036854775807 k3 key=k3", "watermark 9"), op.drain());
            kit.advanceWatermark(10);
            assertEquals(List.of("event@10 k0 key=k0", "event@10 k1 key=k1", "watermark 10"), op.drain());
            kit.advanceWatermark(5);
            assertEquals(List.of("watermark 5"), op.drain(), "the timers' watermark never goes back");
            assertEquals(10, kit.currentWatermark());
            kit.advanceWatermark(100);
            assertEquals(List.of("event@20 k2 key=k2", "watermark 100"), op.drain());
            assertEquals(List.of(), kit.pendingTimers(TimeDomain.EVENT_TIME));
        }
    }

    @Test
    void processingTimersFollowTheEmbeddersClock() {
        Recorder op = new Recorder();
        try (OperatorTestKit kit = OperatorTestKit.builder(op).stateBackend(backend).processingTime(1_000).build()) {
            op.register = ctx -> {
                assertEquals(1_000, ctx.timers().currentProcessingTime());
                ctx.timers().registerProcessingTimeTimer(key("a", ""), 1_500);
                ctx.timers().registerProcessingTimeTimer(key("b", ""), 2_000);
                ctx.timers().registerProcessingTimeTimer(key("c", ""), 3_000);
                ctx.timers().deleteProcessingTimeTimer(key("c", ""), 3_000);
            };
            kit.process("register");
            kit.advanceWatermark(Long.MAX_VALUE);
            assertEquals(List.of("watermark 9223372036854775807"), op.drain(), "watermarks do not fire them");
            kit.advanceProcessingTime(Duration.ofMillis(499));
            assertEquals(List.of(), op.drain());
            kit.advanceProcessingTime(Duration.ofMillis(1));
            assertEquals(List.of("processing@1500 a key=a"), op.drain());
            kit.setProcessingTime(10_000);
            assertEquals(List.of("processing@2000 b key=b"), op.drain());
        }
    }

    @Test
    void aTimerRegisteredWhileFiringFiresInTheSameRoundWhenDue() {
        Recorder op = new Recorder();
        op.onFire = (ctx, t) -> {
            if (t.timestamp() < 3) {
                ctx.timers().registerEventTimeTimer(t.key(), t.timestamp() + 1);
            }
        };
        try (OperatorTestKit kit = kit(op)) {
            op.register = ctx -> ctx.timers().registerEventTimeTimer(key("k", ""), 1);
            kit.process("register");
            kit.advanceWatermark(2);
            assertEquals(List.of("event@1 k key=k", "event@2 k key=k", "watermark 2"), op.drain());
            kit.advanceWatermark(3);
            assertEquals(List.of("event@3 k key=k", "watermark 3"), op.drain());
        }
    }

    @Test
    void theCurrentKeyIsTheTimersDuringTheCallbackAndRestoredAfter() {
        Recorder op = new Recorder();
        try (OperatorTestKit kit = kit(op)) {
            op.register = ctx -> ctx.timers().registerEventTimeTimer(key("timer-key", "ns"), 1);
            kit.runner().setCurrentKey("outer".getBytes(StandardCharsets.UTF_8));
            kit.process("register");
            kit.advanceWatermark(1);
            assertEquals(List.of("event@1 timer-key key=timer-key", "watermark 1"), op.drain());
            op.register = ctx -> op.log.add("key " + new String(ctx.currentKey().orElseThrow(), StandardCharsets.UTF_8));
            kit.process("check");
            assertEquals(List.of("key outer"), op.drain());
        }
    }

    @Test
    void aFailingCallbackIsReportedAsOnTimerAndItsTimerFiresAgain() {
        Recorder op = new Recorder();
        op.onFire = (ctx, t) -> {
            throw new IllegalStateException("boom at " + t.timestamp());
        };
        try (OperatorTestKit kit = kit(op)) {
            op.register = ctx -> {
                ctx.timers().registerEventTimeTimer(key("a", ""), 1);
                ctx.timers().registerEventTimeTimer(key("b", ""), 2);
            };
            kit.process("register");
            SdkException e = assertThrows(SdkException.class, () -> kit.advanceWatermark(5));
            assertEquals(ErrorCode.OPERATOR_FAILED, e.code());
            assertEquals("onTimer", e.step().orElseThrow());
            assertTrue(e.getMessage().contains("boom at 1"), e::getMessage);
            op.onFire = (ctx, t) -> { };
            assertEquals(List.of(), op.drain(), "the failed round logged nothing and passed no watermark on");
            kit.advanceWatermark(5);
            // The failed call kept none of its writes (atomic calls, issue 12), the timer's deletion included:
            // the callback's effect never happened, so the timer fires again, and then the next one.
            assertEquals(List.of("event@1 a key=a", "event@2 b key=b", "watermark 5"), op.drain());
        }
    }

    @Test
    void aDriverWithoutOnTimerCannotRegisterTimers() {
        Driver plain = new Driver() {
            @Override
            public void process(Context ctx, int sourceId, byte[] data) {
                ctx.timers().registerEventTimeTimer(key("k", ""), 1);
            }
        };
        try (OperatorTestKit kit = OperatorTestKit.builder(plain).stateBackend(backend).build()) {
            SdkException e = assertThrows(SdkException.class, () -> kit.process("x"));
            assertEquals(ErrorCode.RUNTIME_INVALID_DRIVER, e.code());
            assertTrue(e.getMessage().contains("TimerDriver"), e::getMessage);
            kit.advanceWatermark(10); // and watermarks still flow
        }
    }

    @Test
    void timersSurviveACheckpointAndRestore() {
        Recorder op = new Recorder();
        try (OperatorTestKit kit = kit(op)) {
            op.register = ctx -> {
                ctx.timers().registerEventTimeTimer(key("before", ""), 10);
                ctx.timers().registerProcessingTimeTimer(key("before-p", ""), 10);
            };
            kit.process("register");
            kit.takeCheckpoint(1);
            op.register = ctx -> {
                ctx.timers().registerEventTimeTimer(key("after", ""), 5);
                ctx.timers().deleteEventTimeTimer(key("before", ""), 10);
            };
            kit.process("register");
            assertEquals(1, kit.pendingTimers(TimeDomain.EVENT_TIME).size());
        }
        backend.restore(1);
        Recorder restarted = new Recorder();
        try (OperatorTestKit kit = kit(restarted)) {
            kit.advanceWatermark(100);
            kit.advanceProcessingTime(Duration.ofMillis(10));
            assertEquals(List.of("event@10 before key=before", "watermark 100", "processing@10 before-p key=before-p"),
                    restarted.drain());
        }
    }

    @Test
    void operatorsSharingABackendKeepTheirTimersApart() {
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        try (OperatorTestKit a = OperatorTestKit.builder(first).operatorName("a").stateBackend(backend).build();
             OperatorTestKit b = OperatorTestKit.builder(second).operatorName("b").stateBackend(backend).build()) {
            first.register = ctx -> ctx.timers().registerEventTimeTimer(key("from-a", ""), 1);
            second.register = ctx -> ctx.timers().registerEventTimeTimer(key("from-b", ""), 2);
            a.process("register");
            b.process("register");
            a.advanceWatermark(10);
            assertEquals(List.of("event@1 from-a key=from-a", "watermark 10"), first.drain());
            assertEquals(1, b.pendingTimers(TimeDomain.EVENT_TIME).size(), "b's timer is b's alone");
            b.advanceWatermark(10);
            assertEquals(List.of("event@2 from-b key=from-b", "watermark 10"), second.drain());
        }
    }

    private OperatorTestKit kit(Recorder op) {
        return OperatorTestKit.builder(op).stateBackend(backend).build();
    }

    private static ComplexKey key(String key, String namespace) {
        return new ComplexKey("g".getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8),
                namespace.getBytes(StandardCharsets.UTF_8), new byte[] {0, 1, 0});
    }

    /** Something a test runs against the context. */
    interface ContextAction {
        void run(Context ctx) throws Exception;
    }

    /** What a callback does besides being recorded. */
    interface FireAction {
        void run(Context ctx, Timer timer) throws Exception;
    }

    /** A timer driver that records its timers and watermarks, and runs the test's registrations on process. */
    static final class Recorder implements TimerDriver {
        final List<String> log = new ArrayList<>();
        ContextAction register = ctx -> { };
        FireAction onFire = (ctx, t) -> { };

        @Override
        public void init(Context ctx, Map<String, String> config) {
        }

        @Override
        public void process(Context ctx, int sourceId, byte[] data) throws Exception {
            register.run(ctx);
        }

        @Override
        public void processWatermark(Context ctx, int sourceId, long watermark) {
            log.add("watermark " + watermark);
        }

        @Override
        public void onTimer(Context ctx, Timer timer) throws Exception {
            onFire.run(ctx, timer);
            log.add((timer.domain() == TimeDomain.EVENT_TIME ? "event@" : "processing@") + timer.timestamp() + " "
                    + new String(timer.key().key(), StandardCharsets.UTF_8) + " key="
                    + new String(ctx.currentKey().orElseThrow(), StandardCharsets.UTF_8));
        }

        List<String> drain() {
            List<String> out = List.copyOf(log);
            log.clear();
            return out;
        }
    }
}
