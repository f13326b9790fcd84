package io.fssdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.OperatorTestKit;
import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.processor.WasmDriver;
import io.fssdk.runtime.wasi.WasiOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go guests built by mainline Go get the typed errors and restarts the C guests get: {@code misbehave-go.wasm}
 * ({@code guests/go/misbehave/main.go}) is the twin of {@code misbehave.c}. Its last test is the garbage
 * collector under pressure: with {@code GOGC=1} the collector runs on nearly every allocation, between the
 * host's {@code cabi_realloc} calls, which is where mainline Go guests trap when their realloc allocates
 * on the Go heap (wasmtime#14318); the SDK's realloc uses an arena off the heap instead.
 */
class GoGuestTest {
    private static final Path MISBEHAVE = Path.of("guests", "go", "misbehave-go.wasm");
    /** Records of the GC-pressure test; the README reports a run with 100,000 (-Dfssdk.go.gcRecords). */
    private static final int GC_RECORDS = Integer.getInteger("fssdk.go.gcRecords", 2_000);

    private static Component misbehave;

    private static synchronized Component misbehave() {
        if (misbehave == null) {
            misbehave = Component.load(MISBEHAVE).compile();
        }
        return misbehave;
    }

    private static OperatorTestKit kit(Duration deadline) {
        return OperatorTestKit.of(WasmDriver.builder().component(misbehave()).operatorName("misbehave-go")
                .callDeadline(deadline).build());
    }

    @Test
    void anErrorReturnedByTheOperatorFailsTheCallAndTheNextCallRunsOnAFreshInstance() {
        try (OperatorTestKit kit = kit(Duration.ofSeconds(30))) {
            kit.process("a");
            assertEquals(List.of("a=1"), kit.drainOutputStrings());
            SdkException e = assertThrows(SdkException.class, () -> kit.process("trap"));
            assertEquals(ErrorCode.OPERATOR_FAILED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("operator `misbehave-go`"), e.getMessage());
            assertTrue(e.getMessage().contains("export `fs-process` (source 0)"), e.getMessage());
            kit.process("a");
            assertEquals(List.of("a=2"), kit.drainOutputStrings(), "a fresh instance, on the stored state");
        }
    }

    @Test
    void aFailedHeartbeatRestartsTheInstance() {
        try (OperatorTestKit kit = kit(Duration.ofSeconds(30))) {
            kit.process("unhealthy");
            assertFalse(kit.checkHeartbeat());
            kit.process("b");
            assertEquals(List.of("b=1"), kit.drainOutputStrings());
            assertTrue(kit.checkHeartbeat());
        }
    }

    @Test
    void aTightLoopIsStoppedByTheDeadline() {
        try (OperatorTestKit kit = kit(Duration.ofSeconds(2))) {
            kit.process("c");
            SdkException e = assertThrows(SdkException.class, () -> kit.process("loop"));
            assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("ran past its deadline of 2000 ms"), e.getMessage());
            assertFalse(Thread.currentThread().isInterrupted());
            kit.drainOutputStrings();
            kit.process("c");
            assertEquals(List.of("c=2"), kit.drainOutputStrings());
        }
    }

    @Test
    void aMemoryBombIsStoppedByTheDefaultCap() {
        // The default cap (256 MiB), as an operator gets it. The Go runtime grows its heap in 4 MiB arenas
        // and traps (`unreachable`, after "out of memory") when a grow is refused, so the memory may stop up
        // to one arena short of the cap: the engine's slack (RootState.capSlackPages) counts that as the cap.
        // 2026-12-03: 7 of 7 runs at caps from 32 to 512 MiB were LIMIT_EXCEEDED. Loaded from its path, as
        // the shared precompiled component carries ComponentOptions' defaults (the engine's 2 GiB ceiling).
        // A generous deadline: our compiler's flat memory grows by copying (64 arena grows up to 256 MiB copy
        // about 8 GiB), which on a loaded 2-core machine took past the default 10 s; the test is about the cap.
        WasmDriver driver = WasmDriver.builder().component(MISBEHAVE).operatorName("misbehave-go")
                .callDeadline(java.time.Duration.ofSeconds(120)).build();
        try (OperatorTestKit kit = OperatorTestKit.of(driver)) {
            SdkException e = assertThrows(SdkException.class, () -> kit.process("grow"));
            assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("hit the memory cap of 256 MiB"), e.getMessage());
            kit.process("d");
            assertEquals(List.of("d=1"), kit.drainOutputStrings());
        }
    }

    @Test
    void theCollectorRunningBetweenReallocCallsNeverTraps() {
        WasmDriver driver = WasmDriver.builder().component(misbehave()).operatorName("misbehave-go")
                .wasi(WasiOptions.builder().name("misbehave-go").env("GOGC", "1").build()).build();
        try (OperatorTestKit kit = OperatorTestKit.of(driver)) {
            for (int i = 0; i < GC_RECORDS; i++) {
                kit.process(i % 100 == 0 ? "gc:1" : "w" + (i % 50));
                kit.drainOutputStrings();
            }
            // "w0" came at i = 50, 150, 250, ... (i = 0, 100, ... were "gc:1"): once per hundred records.
            kit.process("w0");
            assertEquals(List.of("w0=" + (GC_RECORDS / 100 + 1)), kit.drainOutputStrings());
        }
    }
}
