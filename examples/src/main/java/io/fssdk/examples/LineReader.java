package io.fssdk.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads lines of raw bytes: a line ends at {@code \n}, and one {@code \r} before it is dropped (CRLF
 * files). Nothing is decoded, so the operator gets each line's bytes exactly as they were written (a
 * decoding reader would turn invalid UTF-8 into U+FFFD, merging different byte strings into one).
 * The last line needs no newline.
 */
final class LineReader {
    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int pos;
    private int limit;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its end, or {@code null} at the end of the input. */
    byte[] next() throws IOException {
        line.reset();
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    return line.size() > 0 ? line.toByteArray() : null;
                }
            }
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            line.write(buffer, start, pos - start);
            if (pos < limit) {
                pos++; // the newline
                byte[] bytes = line.toByteArray();
                int n = bytes.length;
                return n > 0 && bytes[n - 1] == '\r' ? java.util.Arrays.copyOf(bytes, n - 1) : bytes;
            }
        }
    }

    /** Whether a next line may be had without blocking: more is buffered, or the stream says it has more. */
    boolean ready() throws IOException {
        return pos < limit || in.available() > 0;
    }
}
