package io.fssdk.runtime.wasi.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link HostInputStream} over a {@link java.io.InputStream}, such as a granted stdin. The Java stream
 * is never closed by the guest: dropping a handle leaves it open for the next {@code get-stdin}.
 *
 * <p>Divergence from the spec: an {@code InputStream} cannot say whether a read would block, only that
 * some bytes are {@link InputStream#available() available}. A non-blocking read with nothing available
 * therefore blocks like {@code blocking-read}, instead of returning an empty list that would make a
 * polling guest spin forever at the end of the stream.
 */
public final class JavaInputStream implements HostInputStream {
    private final InputStream in;

    /** Wraps {@code in}. */
    public JavaInputStream(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    @Override
    public synchronized byte[] read(int max, boolean blocking) throws IOException {
        int want = max;
        if (!blocking) {
            int available = in.available();
            if (available > 0) {
                want = Math.min(max, available);
            }
        }
        byte[] buf = new byte[want];
        int n = in.read(buf, 0, want);
        if (n < 0) {
            throw new EOFException("end of stream");
        }
        return n == want ? buf : Arrays.copyOf(buf, n);
    }
}
