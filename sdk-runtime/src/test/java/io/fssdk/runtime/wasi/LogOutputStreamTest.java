package io.fssdk.runtime.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default stdout and stderr: one log event per line, tagged, partial lines kept until drained. */
class LogOutputStreamTest {
    private final RecordingLogger logger = new RecordingLogger();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void linesAreLoggedWholeWhateverTheWriteBoundaries() {
        LogOutputStream out = new LogOutputStream(logger, false, "op-1");
        out.write(utf8("hel"));
        out.write(utf8("lo\nwör"));
        out.write('l');
        out.write(utf8("d\r\n\nlast"));
        out.flush();
        assertEquals(List.of("INFO [op-1] hello", "INFO [op-1] wörld", "INFO [op-1] "), logger.lines,
                "a guest's flush does not cut a line");
        out.drain();
        assertEquals("INFO [op-1] last", logger.lines.get(3));
        out.drain();
        assertEquals(4, logger.lines.size(), "nothing left to drain");
    }

    @Test
    void stderrLogsAtWarn() {
        LogOutputStream err = new LogOutputStream(logger, true, "op-2");
        err.write(utf8("boom\n"));
        assertEquals(List.of("WARN [op-2] boom"), logger.lines);
    }

    /** A guest that never writes a newline must not grow the host's buffer without bound. */
    @Test
    void aVeryLongLineIsLoggedInPieces() {
        LogOutputStream out = new LogOutputStream(logger, false, "t");
        byte[] chunk = new byte[10_000];
        Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 5; i++) {
            out.write(chunk);
        }
        out.drain();
        assertEquals(4, logger.lines.size());
        int total = logger.lines.stream().mapToInt(l -> l.length() - "INFO [t] ".length()).sum();
        assertEquals(50_000, total);
        assertEquals("INFO [t] ".length() + LogOutputStream.MAX_LINE, logger.lines.get(0).length());
    }
}
