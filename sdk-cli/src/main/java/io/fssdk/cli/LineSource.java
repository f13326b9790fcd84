package io.fssdk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Lines of a file or of stdin as records, without their line terminator, as UTF-8 bytes. It has no
 * committed position: a second run reads the file again from its start.
 */
final class LineSource implements RecordSource {
    /** At most this many lines per poll, so checkpoints and progress run between batches. */
    private static final int BATCH = 1024;

    private final int sourceId;
    private final String origin;
    private final BufferedReader reader;
    private final boolean closeInput;
    private long line;
    private boolean exhausted;

    LineSource(int sourceId, String origin, InputStream in, boolean closeInput) {
        this.sourceId = sourceId;
        this.origin = origin;
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.closeInput = closeInput;
    }

    @Override
    public int poll(Duration timeout, Handler handler) {
        if (exhausted) {
            return 0;
        }
        int n = 0;
        try {
            // Blocks for the first line; returns when nothing more is buffered, so interactive input
            // sees its outputs at once.
            do {
                String text = reader.readLine();
                if (text == null) {
                    exhausted = true;
                    break;
                }
                handler.handle(sourceId, origin, line++, text.getBytes(StandardCharsets.UTF_8));
                n++;
            } while (n < BATCH && reader.ready());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + origin + ": " + e.getMessage(), e);
        }
        return n;
    }

    @Override
    public boolean exhausted() {
        return exhausted;
    }

    @Override
    public void commit() {
        // A file has no committed position.
    }

    @Override
    public void close() {
        if (closeInput) {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + origin, e);
            }
        }
    }
}
