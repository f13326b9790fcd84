package io.fssdk.runtime.wasi;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;

/**
 * The default stdout and stderr: bytes are buffered until a newline, then logged as one event tagged with
 * the guest's name. A guest's flush does not cut a line (C's stdio flushes after every {@code printf});
 * the host's {@link #drain()} logs what is left when a run ends. A line longer than
 * {@link #MAX_LINE} bytes is logged in pieces, so a guest that never writes a newline cannot exhaust the
 * heap.
 */
final class LogOutputStream extends OutputStream {
    /** The longest line kept before it is logged anyway. */
    static final int MAX_LINE = 16 * 1024;

    private final Logger logger;
    private final boolean error;
    private final String tag;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LogOutputStream(Logger logger, boolean error, String tag) {
        this.logger = logger;
        this.error = error;
        this.tag = tag;
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
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (error) {
            logger.warn("[{}] {}", tag, text);
        } else {
            logger.info("[{}] {}", tag, text);
        }
    }
}
