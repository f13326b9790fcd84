package io.fssdk.runtime.wasi;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * The default stdout and stderr: bytes are buffered until a newline, then logged as one event tagged with
 * the guest's name. A guest's flush does not cut a line (C's stdio flushes after every {@code printf});
 * the host's {@link #drain()} logs what is left when a run ends. A line longer than
 * {@link #MAX_LINE} bytes is logged in pieces, so a guest that never writes a newline cannot exhaust the
 * heap.
 *
 * <p><b>Rate limit.</b> A guest must not be able to flood the host's log: lines are admitted through a
 * token bucket of bytes ({@link #BURST_BYTES} at once, refilled at {@link #BYTES_PER_SECOND}). A line that
 * does not fit is dropped and counted ({@link #droppedBytes()}); the first drop of a burst is reported once,
 * and the count when lines are admitted again, so the log says how much was lost.
 */
final class LogOutputStream extends OutputStream {
    /** The longest line kept before it is logged anyway. */
    static final int MAX_LINE = 16 * 1024;
    /** How many bytes of log lines may be written at once before the rate limit applies. */
    static final long BURST_BYTES = 1024 * 1024;
    /** The sustained rate of log output a guest may produce. */
    static final long BYTES_PER_SECOND = 256 * 1024;

    private final Logger logger;
    private final boolean error;
    private final String tag;
    private final LongSupplier nanoTime;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private double tokens = BURST_BYTES;
    private long refilledAt;
    private long dropped;
    private long droppedSinceReport;

    LogOutputStream(Logger logger, boolean error, String tag) {
        this(logger, error, tag, System::nanoTime);
    }

    LogOutputStream(Logger logger, boolean error, String tag, LongSupplier nanoTime) {
        this.logger = logger;
        this.error = error;
        this.tag = tag;
        this.nanoTime = nanoTime;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** How many bytes of output the rate limit dropped so far. */
    synchronized long droppedBytes() {
        return dropped;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
            if (line.size() >= MAX_LINE) {
                emit();
            }
        }
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n' || line.size() + (i - start) >= MAX_LINE) {
                line.write(b, start, i - start);
                emit();
                start = b[i] == '\n' ? i + 1 : i;
            }
        }
        line.write(b, start, off + len - start);
    }

    /** Does nothing: a line is logged when it ends, or when the host drains the stream. */
    @Override
    public void flush() {
    }

    /** Logs a partial last line, if any. */
    synchronized void drain() {
        if (line.size() > 0) {
            emit();
        }
    }

    private void emit() {
        int size = line.size() + 1;
        if (!admit(size)) {
            line.reset();
            if (droppedSinceReport == 0) {
                log("guest output over " + BYTES_PER_SECOND / 1024 + " KiB/s: dropping lines until it slows down");
            }
            dropped += size;
            droppedSinceReport += size;
            return;
        }
        if (droppedSinceReport > 0) {
            log("dropped " + droppedSinceReport + " bytes of guest output (" + dropped + " in all)");
            droppedSinceReport = 0;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        log(text);
    }

    private void log(String text) {
        if (error) {
            logger.warn("[{}] {}", tag, text);
        } else {
            logger.info("[{}] {}", tag, text);
        }
    }

    /** Takes {@code bytes} tokens from the bucket if it holds them, refilling it for the time passed. */
    private boolean admit(int bytes) {
        long now = nanoTime.getAsLong();
        tokens = Math.min(BURST_BYTES, tokens + (now - refilledAt) * (BYTES_PER_SECOND / 1e9));
        refilledAt = now;
        if (tokens < bytes) {
            return false;
        }
        tokens -= bytes;
        return true;
    }
}
