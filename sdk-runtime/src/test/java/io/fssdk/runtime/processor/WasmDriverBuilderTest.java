package io.fssdk.runtime.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ExecutionMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** What {@link WasmDriver.Builder#build()} accepts, its defaults, and what it refuses before running anything. */
class WasmDriverBuilderTest {
    private static void assertCode(ErrorCode code, Executable build, String fragment) {
        SdkException e = assertThrows(SdkException.class, build);
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void defaultsAreDocumented(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my-counter.wasm");
        Files.write(file, GuestFixtures.bytes("counter.wasm"));
        WasmDriver driver = WasmDriver.builder().component(file).build();
        assertEquals("my-counter", driver.operatorName(), "named after the file");
        assertEquals(Duration.ofSeconds(WasmDriver.Builder.DEFAULT_DEADLINE_SECONDS), driver.callDeadline());
        assertEquals(WasmDriver.Builder.DEFAULT_MAX_MEMORY_MIB * 16, driver.component().options().maxMemoryPages());
        assertEquals(ExecutionMode.COMPILER, driver.component().options().executionMode());
    }

    @Test
    void aComponentComesFromAFileBytesAUrlTheClassPathOrIsAlreadyLoaded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.wasm");
        Files.write(file, GuestFixtures.bytes("process-only.wasm"));
        TestContext ctx = new TestContext();
        for (WasmDriver d : new WasmDriver[] {
                WasmDriver.builder().component(file).build(),
                WasmDriver.builder().component(Files.readAllBytes(file)).build(),
                WasmDriver.builder().component(file.toUri().toURL()).build(),
                WasmDriver.builder().componentResource("io/fssdk/runtime/processor/process-only.wasm").build(),
                WasmDriver.builder().component(Component.load(file)).build()}) {
            d.init(ctx, Map.of());
            d.process(ctx, 0, new byte[] {'x'});
        }
        assertEquals(5, ctx.drain().size());
    }

    @Test
    void badOptionsAreConfigErrors() {
        byte[] counter = GuestFixtures.bytes("counter.wasm");
        assertCode(ErrorCode.CONFIG_INVALID, () -> WasmDriver.builder().build(), "no component given");
        assertCode(ErrorCode.CONFIG_INVALID, () -> WasmDriver.builder().component(counter).operatorName(" ").build(),
                "operator name is blank");
        assertCode(ErrorCode.CONFIG_INVALID, () -> WasmDriver.builder().component(counter)
                .callDeadline(Duration.ofMillis(-1)).build(), "deadline is negative");
        assertCode(ErrorCode.CONFIG_INVALID, () -> WasmDriver.builder().component(counter)
                .maxMemoryBytes(1000).build(), "between 64 KiB and 2147418112 bytes");
        assertCode(ErrorCode.CONFIG_INVALID, () -> WasmDriver.builder().component(Component.load(counter))
                .maxMemoryBytes(1 << 20).build(), "fixed by its ComponentOptions");
        assertCode(ErrorCode.CONFIG_INVALID, () -> WasmDriver.builder().component(Path.of("no/such.wasm")).build(),
                "cannot read the component from file no/such.wasm");
        assertCode(ErrorCode.CONFIG_INVALID, () -> WasmDriver.builder().componentResource("no/such.wasm").build(),
                "class-path resource no/such.wasm");
    }

    @Test
    void aComponentThatIsNotAProcessorIsRefused() {
        assertCode(ErrorCode.RUNTIME_INVALID_DRIVER, () -> WasmDriver.builder().component(new byte[] {0, 'a', 's', 'm'})
                .build(), "cannot load the component from the given bytes");
        assertCode(ErrorCode.RUNTIME_INVALID_DRIVER, () -> WasmDriver.builder()
                .component(Component.load(renamedExport())).build(), "does not export `fs-process`");
    }

    /** process-only.wasm with its one export renamed, so it exports no {@code fs-process}. */
    private static byte[] renamedExport() {
        byte[] b = GuestFixtures.bytes("process-only.wasm");
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int at = s.lastIndexOf("fs-process");
        b[at + 3] = 'q'; // "fs-qrocess": same length, so every size in the binary still holds
        return b;
    }
}
