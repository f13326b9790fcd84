package io.fssdk.runtime.wasi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.ComponentInstance;
import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.WitValue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Without a granted stream, stdout and stderr go to SLF4J, one event per line, tagged with the name the
 * embedder gave. The test binding (slf4j-simple) prints to {@link System#err}, captured here.
 */
class DefaultLoggingTest {
    @Test
    void stdoutAndStderrAreLoggedLineByLineWithTheGuestsName() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Linker.Builder linker = Linker.builder();
            WasiHost host = WasiHost.addTo(linker, WasiOptions.builder().name("word-count").build());
            ComponentInstance probe = linker.build().instantiate(Fixtures.load("probe-wasi-0.2.12.wasm"));
            probe.call("print", WitValue.string("first line\nsecond "), WitValue.string("a warning\n"));
            probe.call("print", WitValue.string("line\nunfinished"), WitValue.string(""));
            String beforeFlush = captured.toString(StandardCharsets.UTF_8);
            host.flush();
            String log = captured.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("INFO io.fssdk.runtime.wasi.stdout - [word-count] first line"), log);
            assertTrue(log.contains("INFO io.fssdk.runtime.wasi.stdout - [word-count] second line"), log);
            assertTrue(log.contains("WARN io.fssdk.runtime.wasi.stderr - [word-count] a warning"), log);
            assertTrue(!beforeFlush.contains("unfinished") && log.contains("[word-count] unfinished"), log);
        } finally {
            System.setErr(saved);
        }
    }
}
