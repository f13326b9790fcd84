package io.fssdk.runtime.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.component.ExecutionMode;
import io.fssdk.runtime.component.TrapException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A guest that traps, reports itself unhealthy, loops forever or grows its memory without end
 * ({@code examples/guests/c/misbehave.c}) recovers on the next call, with its state intact: the driver
 * discards the instance, starts a fresh one and calls {@code fs-init} again. misbehave counts its inputs in
 * store {@code misbehave}, and traps on any input when {@code fs-init} has not run, so "a=2" after a
 * failure proves both the restart and the state.
 */
class WasmDriverFailureTest {
    private final TestContext ctx = new TestContext();

    private static WasmDriver.Builder misbehave() {
        return WasmDriver.builder().component(GuestFixtures.bytes("misbehave.wasm")).operatorName("misbehave");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> process(WasmDriver driver, String input) {
        driver.process(ctx, 0, utf8(input));
        return ctx.drain();
    }

    @Test
    void aTrapFailsTheCallNamingTheOperatorExportSourceAndTrapThenTheNextCallRunsOnAFreshInstance() {
        WasmDriver driver = misbehave().build();
        driver.init(ctx, Map.of("k", "v"));
        assertEquals(List.of("a=1"), process(driver, "a"));

        SdkException e = assertThrows(SdkException.class, () -> driver.process(ctx, 7, utf8("trap")));
        assertEquals(ErrorCode.OPERATOR_FAILED, e.code());
        assertEquals("misbehave", e.operator().orElseThrow());
        assertTrue(e.getMessage().contains("operator `misbehave`"), e.getMessage());
        assertTrue(e.getMessage().contains("export `fs-process` (source 7) trapped"), e.getMessage());
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
        assertTrue(e.getCause() instanceof TrapException, String.valueOf(e.getCause()));

        assertEquals(List.of("a=2"), process(driver, "a"));
        assertEquals(List.of("misbehave", "misbehave"), ctx.opened, "fs-init ran again on the fresh instance");
        driver.close(ctx);
    }

    @Test
    void aFailedHeartbeatReturnsFalseAndRestartsTheInstance() {
        WasmDriver driver = misbehave().build();
        driver.init(ctx, Map.of());
        assertEquals(List.of("b=1"), process(driver, "b"));
        assertTrue(driver.checkHeartbeat(ctx));
        assertEquals(List.of(), process(driver, "unhealthy"));
        assertFalse(driver.checkHeartbeat(ctx));
        assertEquals(List.of("misbehave"), ctx.opened, "the restart waits for the next call");

        assertEquals(List.of("b=2"), process(driver, "b"));
        assertEquals(List.of("misbehave", "misbehave"), ctx.opened);
        assertTrue(driver.checkHeartbeat(ctx));
        driver.close(ctx);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aTightLoopIsStoppedByTheDeadlineAndTheThreadIsNotLeftInterrupted(ExecutionMode mode) {
        WasmDriver driver = misbehave().executionMode(mode).callDeadline(Duration.ofMillis(200)).build();
        driver.init(ctx, Map.of());
        assertEquals(List.of("c=1"), process(driver, "c"));

        long start = System.nanoTime();
        SdkException e = assertThrows(SdkException.class, () -> driver.process(ctx, 0, utf8("loop")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("export `fs-process` (source 0) ran past its deadline of 200 ms"),
                e.getMessage());
        assertTrue(millis >= 200 && millis < 5_000, "stopped after " + millis + " ms");
        assertFalse(Thread.currentThread().isInterrupted(), "the driver clears the interrupt it caused");

        assertEquals(List.of("c=2"), process(driver, "c"));
        driver.close(ctx);
    }

    @Test
    void aMemoryBombIsStoppedByTheCap() {
        WasmDriver driver = misbehave().maxMemoryBytes(16L << 20).build();
        driver.init(ctx, Map.of());
        assertEquals(List.of("d=1"), process(driver, "d"));

        SdkException e = assertThrows(SdkException.class, () -> driver.process(ctx, 0, utf8("grow")));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("export `fs-process` (source 0) hit the memory cap of 16 MiB and trapped"),
                e.getMessage());

        assertEquals(List.of("d=2"), process(driver, "d"));
        driver.close(ctx);
    }

    @Test
    void theCapNeverRaisesAMaximumTheGuestDeclaresItself() {
        // misbehave-max.wasm declares a 4 MiB maximum. Under a 64 MiB cap it must still stop at 4 MiB: its
        // own limit, so an ordinary trap, not the host's LIMIT_EXCEEDED (which would mean it reached 64 MiB).
        WasmDriver generous = WasmDriver.builder().component(GuestFixtures.bytes("misbehave-max.wasm"))
                .maxMemoryBytes(64L << 20).build();
        generous.init(ctx, Map.of());
        SdkException own = assertThrows(SdkException.class, () -> generous.process(ctx, 0, utf8("grow")));
        assertEquals(ErrorCode.OPERATOR_FAILED, own.code(), own.getMessage());

        // A cap below the declared maximum does apply.
        WasmDriver strict = WasmDriver.builder().component(GuestFixtures.bytes("misbehave-max.wasm"))
                .maxMemoryBytes(2L << 20).build();
        strict.init(ctx, Map.of());
        SdkException capped = assertThrows(SdkException.class, () -> strict.process(ctx, 0, utf8("grow")));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, capped.code(), capped.getMessage());
        assertTrue(capped.getMessage().contains("cap of 2 MiB"), capped.getMessage());
    }

    @Test
    void aBlankStoreNameTrapsTheConstructorNamingStoreInvalidName() {
        WasmDriver driver = misbehave().build();
        driver.init(ctx, Map.of());
        assertEquals(List.of("open:other"), process(driver, "open:other"));

        SdkException e = assertThrows(SdkException.class, () -> driver.process(ctx, 0, utf8("open:  ")));
        assertEquals(ErrorCode.STORE_INVALID_NAME, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("trapped in `functionstream:core/kv@0.1.0#[constructor]store`"),
                e.getMessage());
        assertTrue(e.getMessage().contains("STORE_INVALID_NAME: cannot open store `  `"), e.getMessage());

        assertEquals(List.of("e=1"), process(driver, "e"));
        driver.close(ctx);
    }

    @Test
    void scansLeftOpenByADiscardedInstanceAreClosed() {
        // store-checks' `run` scans a namespace; the store stalls inside has-next until the deadline
        // interrupts the call, so the instance dies holding an open iterator handle.
        TestContext stalling = new TestContext(new io.fssdk.runtime.memory.InMemoryStateBackend(), s -> {
            s.stallScans = true;
            return s;
        });
        WasmDriver driver = WasmDriver.builder().component(GuestFixtures.bytes("store-checks.wasm"))
                .callDeadline(Duration.ofMillis(300)).build();
        driver.init(stalling, Map.of());
        SdkException e = assertThrows(SdkException.class, () -> driver.process(stalling, 0, utf8("run")));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
        TrackingStore store = stalling.stores.get("store-checks");
        assertEquals(1, store.scansOpened);
        assertEquals(0, store.openScans(), "the dead instance's scan was closed");
        assertFalse(store.closed, "the runner's store stays open");
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void aFailingEmitTrapsWithTheHostsErrorCode() {
        WasmDriver driver = misbehave().build();
        driver.init(ctx, Map.of());
        ctx.emitFailure = new SdkException(ErrorCode.RUNTIME_CLOSED, "the runner is closed");
        SdkException e = assertThrows(SdkException.class, () -> driver.process(ctx, 0, utf8("f")));
        assertEquals(ErrorCode.RUNTIME_CLOSED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("trapped in `functionstream:core/collector@0.1.0#emit`"), e.getMessage());
        ctx.emitFailure = null;
        assertEquals(List.of("f=2"), process(driver, "f"), "the count was stored before the emit failed");
    }
}
