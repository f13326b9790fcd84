package io.fssdk.runtime.processor.hostile;

import static io.fssdk.runtime.processor.hostile.HostileRun.assertMentions;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.component.ExecutionMode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hostile guest spending what the host must bound: time (an endless {@code br_if} loop), memory, the
 * call stack and a table, in both execution modes where the engine's code differs. Each fails within the
 * deadline with a typed error and leaves the JVM, the other operator and the next record unharmed.
 */
class HostileLimitsTest {
    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anEndlessBrIfLoopIsStoppedAtTheDeadline(ExecutionMode mode) {
        try (HostileRun run = HostileRun.start(mode)) {
            long start = System.nanoTime();
            SdkException e = run.fails("L", ErrorCode.LIMIT_EXCEEDED);
            assertTrue(System.nanoTime() - start >= HostileRun.DEADLINE.toNanos(), "stopped before the deadline");
            assertMentions(e, "export `fs-process` (source 0) ran past its deadline of "
                    + HostileRun.DEADLINE.toMillis() + " ms");
            assertFalse(Thread.currentThread().isInterrupted(), "the interrupt was cleared");
            run.assertSurvived();
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aMemoryBombStopsAtTheCap(ExecutionMode mode) {
        try (HostileRun run = HostileRun.start(mode)) {
            SdkException e = run.fails("M", ErrorCode.LIMIT_EXCEEDED);
            assertMentions(e, "hit the memory cap of 32 MiB and trapped");
            run.assertSurvived();
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aStackBombTraps(ExecutionMode mode) {
        try (HostileRun run = HostileRun.start(mode)) {
            SdkException e = run.fails("S", ErrorCode.OPERATOR_FAILED);
            assertMentions(e, "export `fs-process` (source 0) trapped", "stack");
            run.assertSurvived();
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aTableBombIsRefusedAtTheTableCap(ExecutionMode mode) {
        try (HostileRun run = HostileRun.start(mode)) {
            SdkException e = run.fails("T", ErrorCode.OPERATOR_FAILED);
            assertMentions(e, "export `fs-process` (source 0) trapped", "unreachable");
            run.assertSurvived();
        }
    }

    @Test
    void aHundredMebibytesToStderrIsRateLimitedAndTheCallSucceeds() {
        // One mode only, with a deadline of its own: the host spends about 8 s on 100 MiB of stderr on a
        // loaded 2-core machine (2026-12-04; the rate limiter drops the bytes but still reads them line by line).
        Duration deadline = Duration.ofSeconds(60);
        try (HostileRun run = HostileRun.start(ExecutionMode.COMPILER, deadline)) {
            long start = System.nanoTime();
            ByteArrayOutputStream log = HostileRun.logDuring(() -> run.process("O"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(deadline) < 0, "took " + took.toMillis() + " ms");
            String text = log.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("[hostile] guest output over 256 KiB/s: dropping lines"),
                    () -> text.substring(0, Math.min(2000, text.length())));
            // 1 MiB of burst plus the refill during the call, with the logger's prefix on each 128-byte line.
            assertTrue(log.size() < 8 << 20, "the log took " + log.size() + " bytes of 100 MiB");
            // Writing to stderr is allowed: the call committed its write, and the next record works.
            assertTrue(run.hostileState("partial").isPresent(), "the successful call's write was kept");
            run.process("nafter");
            assertTrue(run.outputs.contains("nafter"));
        }
    }
}
