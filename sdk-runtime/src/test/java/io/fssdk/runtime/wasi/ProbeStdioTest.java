package io.fssdk.runtime.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.TrapException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The probe reactor (probe.c, wasi-libc behind a preview1 adapter) under both WASI versions: stdio,
 * environment, arguments and exit, as granted by {@link WasiOptions} and denied without it.
 */
class ProbeStdioTest {
    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void printWritesToTheGrantedStreams(String version) {
        Probe p = Probe.start(version);
        p.print("héllo\nworld", "oops\n");
        p.print("!", "");
        assertEquals("héllo\nworld!", p.stdout());
        assertEquals("oops\n", p.stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void stdinBytesAreReadToTheEnd(String version) {
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        Probe p = Probe.start(version, WasiOptions.builder().stdin(data));
        assertArrayEquals(data, p.readStdin());
        assertArrayEquals(new byte[0], p.readStdin(), "a second read is at the end");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void stdinCanBeAJavaInputStream(String version) {
        byte[] lines = "line 1\nline 2\n".getBytes(StandardCharsets.UTF_8);
        Probe p = Probe.start(version, WasiOptions.builder().stdin(new ByteArrayInputStream(lines)));
        assertEquals("line 1\nline 2\n", new String(p.readStdin(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void stdinIsEmptyByDefault(String version) {
        assertArrayEquals(new byte[0], Probe.start(version).readStdin());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void grantedEnvironmentAndArgumentsAreVisible(String version) {
        Probe p = Probe.start(version, WasiOptions.builder().env("A", "1").env("B", "two words")
                .args("prog", "x y", "ü"));
        assertEquals(List.of("A=1", "B=two words"), p.environ());
        assertEquals(Optional.of("two words"), p.getenv("B"));
        assertEquals(List.of("prog", "x y", "ü"), p.args());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void byDefaultThereIsNoEnvironmentAndNoArgument(String version) {
        Probe p = Probe.start(version);
        assertEquals(List.of(), p.environ());
        assertEquals(Optional.empty(), p.getenv("PATH"));
        assertEquals(Optional.empty(), p.getenv("HOME"));
        assertEquals(List.of(), p.args());
    }

    /**
     * exit() unwinds the guest as a trap whose cause is the {@link WasiExitException}. The preview1
     * adapters of both versions call {@code exit(result)}, so a non-zero status arrives as 1.
     */
    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void exitSurfacesAsATypedExceptionNotAJvmExit(String version) {
        Probe p = Probe.start(version);
        p.print("before exit", "");
        TrapException e = assertThrows(TrapException.class, () -> p.exit(7));
        assertEquals(1, WasiExitException.findIn(e).orElseThrow().status());
        assertTrue(p.instance.isPoisoned(), "an exited instance is done");
        assertEquals("before exit", p.stdout());

        Probe q = Probe.start(version);
        assertEquals(0, WasiExitException.findIn(assertThrows(TrapException.class, () -> q.exit(0)))
                .orElseThrow().status());
    }
}
