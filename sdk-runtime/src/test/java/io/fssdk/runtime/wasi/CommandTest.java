package io.fssdk.runtime.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentInstance;
import io.fssdk.runtime.component.LinkException;
import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.TrapException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A command component (cmd.c: main() behind the preview1 command adapter, exporting
 * {@code wasi:cli/run}) run through {@link WasiCommand}: its output is captured and its exit status
 * reported, whether main returns, calls exit, or traps.
 */
class CommandTest {
    private static Component cmd(String version) {
        return Fixtures.load("cmd-wasi-" + version + ".wasm");
    }

    private static WasiOptions.Builder options(String... args) {
        return WasiOptions.builder().args(args).stdin("hello, stdin\n".getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void runCapturesOutputAndAZeroStatus(String version) {
        WasiRunResult r = WasiCommand.run(cmd(version), options("cmd", "plain").env("MODE", "test").build());
        assertEquals(0, r.exitCode());
        assertEquals("argc=2 [cmd] [plain]\nenv MODE=test\nHELLO, STDIN\n", r.stdoutText());
        assertEquals("bye\n", r.stderrText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void withDefaultOptionsTheCommandSeesNothing(String version) {
        WasiRunResult r = WasiCommand.run(cmd(version), WasiOptions.defaults());
        assertEquals(0, r.exitCode());
        assertEquals("argc=0\n", r.stdoutText());
    }

    /** Both adapters report any non-zero status through {@code exit(err)}, which is status 1. */
    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void exitAndNonZeroReturnsGiveTheirStatus(String version) {
        WasiRunResult exited = WasiCommand.run(cmd(version), options("cmd", "exit", "3").build());
        assertEquals(1, exited.exitCode());
        assertEquals("argc=3 [cmd] [exit] [3]\nHELLO, STDIN\n", exited.stdoutText());
        assertEquals("bye\n", exited.stderrText(), "stdio was flushed before exiting");
        assertEquals(0, WasiCommand.run(cmd(version), options("cmd", "exit", "0").build()).exitCode());
        assertEquals(1, WasiCommand.run(cmd(version), options("cmd", "return", "5").build()).exitCode());
        assertEquals(0, WasiCommand.run(cmd(version), options("cmd", "return", "0").build()).exitCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void aTrapIsNotAnExit(String version) {
        TrapException e = assertThrows(TrapException.class,
                () -> WasiCommand.run(cmd(version), options("cmd", "trap").build()));
        assertTrue(WasiExitException.findIn(e).isEmpty(), e.toString());
        assertTrue(e.function().endsWith("run"), "the trap is in run, not in instantiation: " + e);
    }

    /** The lower-level path: WASI wired into a linker by hand, output to the embedder's own streams. */
    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void anInstanceWiredByHandRunsToo(String version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Linker.Builder linker = Linker.builder();
        WasiHost.addTo(linker, options("cmd", "exit", "0").stdout(out).build());
        ComponentInstance instance = linker.build().instantiate(cmd(version));
        assertTrue(WasiCommand.runExport(instance).isPresent());
        assertEquals("wasi:cli/run@" + version + "#run", WasiCommand.runExport(instance).get().name());
        assertEquals(0, WasiCommand.run(instance));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("argc=3 [cmd] [exit] [0]\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12"})
    void aReactorIsNotACommand(String version) {
        Linker.Builder linker = Linker.builder();
        WasiHost.addTo(linker, WasiOptions.defaults());
        ComponentInstance probe = linker.build().instantiate(Fixtures.load("probe-wasi-" + version + ".wasm"));
        assertThrows(LinkException.class, () -> WasiCommand.run(probe));
    }
}
