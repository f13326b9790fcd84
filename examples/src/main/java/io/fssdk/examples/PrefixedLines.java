package io.fssdk.examples;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * A guest's stdout or stderr on the command line's stderr, each line prefixed with the operator's name
 * ({@code [counter] ...}), so it never mixes into the records on stdout and says whose it is. Bytes are
 * kept until a newline; a guest's flush does not cut a line; {@link #drain()} writes what is left at the
 * end. A line longer than {@link #MAX_LINE} bytes is written in pieces.
 */
final class PrefixedLines extends OutputStream {
    /** The longest line kept before it is written anyway. */
    static final int MAX_LINE = 16 * 1024;

    private final PrintStream target;
    private final byte[] prefix;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    PrefixedLines(PrintStream target, String name) {
        this.target = target;
        this.prefix = ("[" + name + "] ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
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

    /** Writes the unfinished line, if any. */
    synchronized void drain() {
        if (line.size() > 0) {
            emit();
        }
    }

    private void emit() {
        target.write(prefix, 0, prefix.length);
        target.write(line.toByteArray(), 0, line.size());
        target.write('\n');
        target.flush();
        line.reset();
    }
}
