package io.fssdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.OperatorTestKit;
import io.fssdk.runtime.processor.WasmDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python operators in the Python runtime component: a failing operator gets the typed errors and
 * restarts the C guests get ({@code misbehave.py} is the twin of {@code misbehave.c}), and bad source is a
 * clear error at the first call. The runtime is interpreted (see {@link PythonRuntimeFixture}), so each
 * restart re-instantiates an 18 MB component: the deadlines below are generous on purpose.
 */
class PythonGuestTest {
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    /** One driver through both failures, since every restart instantiates the 18 MB runtime again. */
    @Test
    void aRaisedExceptionAndAMemoryBombFailTypedAndTheNextCallRunsOnAFreshInstanceThatReloadsTheSource() {
        try (OperatorTestKit kit = OperatorTestKit.of(PythonRuntimeFixture.driver("misbehave.py", DEADLINE))) {
            kit.process("a");
            assertEquals(List.of("a=1"), kit.drainOutputStrings());
            SdkException e = assertThrows(SdkException.class, () -> kit.process("trap"));
            assertEquals(ErrorCode.OPERATOR_FAILED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("operator `misbehave`"), e.getMessage());
            assertTrue(e.getMessage().contains("export `fs-process` (source 0) trapped"), e.getMessage());
            // The fresh instance got the source through fs-exec again, then fs-init, and kept the count.
            kit.process("a");
            assertEquals(List.of("a=2"), kit.drainOutputStrings());

            SdkException bomb = assertThrows(SdkException.class, () -> kit.process("grow"));
            assertEquals(ErrorCode.LIMIT_EXCEEDED, bomb.code(), bomb.getMessage());
            assertTrue(bomb.getMessage().contains("hit the memory cap of 128 MiB"), bomb.getMessage());
            kit.process("a");
            assertEquals(List.of("a=3"), kit.drainOutputStrings());
            assertTrue(kit.checkHeartbeat());
        }
    }

    @Test
    void aTightLoopIsStoppedByTheDeadline() {
        // The deadline covers the instantiation too, which takes seconds for this guest.
        WasmDriver driver = PythonRuntimeFixture.driver("misbehave.py", Duration.ofSeconds(45));
        try (OperatorTestKit kit = OperatorTestKit.of(driver)) {
            SdkException e = assertThrows(SdkException.class, () -> kit.process("loop"));
            assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("ran past its deadline"), e.getMessage());
            assertFalse(Thread.currentThread().isInterrupted());
        }
    }

    @Test
    void sourceThatDoesNotCompileFailsInitNamingTheSyntaxError(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.py"), "class Broken(:\n");
        WasmDriver driver = WasmDriver.builder().component(PythonRuntimeFixture.runtime()).python(broken)
                .callDeadline(DEADLINE).build();
        SdkException e = assertThrows(SdkException.class, () -> OperatorTestKit.of(driver, Map.of()).close());
        assertEquals(ErrorCode.OPERATOR_FAILED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("export `fs-exec` then `fs-init`"), e.getMessage());
    }

    @Test
    void aFileNameThatIsNoModuleNameIsConfigInvalid(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("my-op.py"), "");
        SdkException e = assertThrows(SdkException.class,
                () -> WasmDriver.builder().python(file).build());
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
        assertTrue(e.getMessage().contains("`my-op.py` is not a module name"), e.getMessage());
    }
}
