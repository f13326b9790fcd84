package io.fssdk.runtime.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

/** A guest cannot flood the host's log: output past the rate limit is dropped and counted. */
class LogOutputStreamTest {
    private long now;

    @Test
    void a100MegabyteFloodIsCappedAndCounted() {
        LogOutputStream out = new LogOutputStream(NOPLogger.NOP_LOGGER, true, "flood", () -> now);
        byte[] line = new byte[1000];
        Arrays.fill(line, (byte) 'x');
        line[999] = '\n';
        for (int i = 0; i < 100_000; i++) {
            out.write(line, 0, line.length);
        }
        long admitted = 100_000L * 1000 - out.droppedBytes();
        assertTrue(admitted <= LogOutputStream.BURST_BYTES, "at most one burst passes at once: " + admitted);
        assertTrue(out.droppedBytes() >= 100_000_000L - LogOutputStream.BURST_BYTES, "dropped " + out.droppedBytes());
    }

    @Test
    void theBucketRefillsWithTime() {
        LogOutputStream out = new LogOutputStream(NOPLogger.NOP_LOGGER, false, "steady", () -> now);
        byte[] big = new byte[LogOutputStream.MAX_LINE - 1];
        Arrays.fill(big, (byte) 'y');
        long lines = LogOutputStream.BURST_BYTES / LogOutputStream.MAX_LINE;
        for (int i = 0; i < lines; i++) {
            out.write(big);
            out.write('\n');
        }
        assertEquals(0, out.droppedBytes(), "a burst within the limit passes whole");
        out.write("over\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(out.droppedBytes() > 0, "the bucket is empty");
        long before = out.droppedBytes();
        now += 1_000_000_000L; // one second refills BYTES_PER_SECOND
        out.write("again\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(before, out.droppedBytes(), "admitted after a second");
    }
}
