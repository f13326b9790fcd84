package io.fssdk.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Records as lines of a file or of stdout: each record's bytes as they are, then {@code \n}. The bytes
 * are written raw, so the platform charset never matters.
 */
final class LineSink implements RecordSink {
    private final String name;
    private final OutputStream out;
    private final boolean closeOutput;

    LineSink(String name, OutputStream out, boolean closeOutput) {
        this.name = name;
        this.out = out;
        this.closeOutput = closeOutput;
    }

    @Override
    public void send(byte[] value) {
        try {
            out.write(value);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void close() {
        flush();
        if (closeOutput) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + name + ": " + e.getMessage(), e);
            }
        }
    }
}
