package io.fssdk.runtime.wasi.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A {@link HostOutputStream} over a {@link java.io.OutputStream}, such as a granted stdout. The Java
 * stream is flushed when the guest flushes, and never closed by the guest.
 */
public final class JavaOutputStream implements HostOutputStream {
    private final OutputStream out;

    /** Wraps {@code out}. */
    public JavaOutputStream(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void write(byte[] data) throws IOException {
        // Synchronized on the sink, so that a stream shared by several instances keeps each write whole.
        synchronized (out) {
            out.write(data);
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (out) {
            out.flush();
        }
    }
}
