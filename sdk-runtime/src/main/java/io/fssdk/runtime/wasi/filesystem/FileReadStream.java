package io.fssdk.runtime.wasi.filesystem;

import io.fssdk.runtime.wasi.io.HostInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The {@code input-stream} of {@code read-via-stream}: positional reads from an offset, so several
 * streams over one file do not disturb each other. A file never makes a reader wait.
 */
final class FileReadStream implements HostInputStream {
    private final SharedChannel file;
    private long position;

    FileReadStream(SharedChannel file, long offset) {
        this.file = file.retain();
        this.position = offset;
    }

    @Override
    public synchronized byte[] read(int max, boolean blocking) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(max);
        int n;
        try {
            n = file.channel().read(buf, position);
        } catch (IOException e) {
            throw Errors.wrap(e);
        }
        if (n < 0) {
            throw new EOFException("end of file");
        }
        position += n;
        return n == max ? buf.array() : Arrays.copyOf(buf.array(), n);
    }

    @Override
    public synchronized long skip(long max, boolean blocking) throws IOException {
        long size = file.channel().size();
        if (position >= size) {
            throw new EOFException("end of file");
        }
        long n = Math.min(max, size - position);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        file.release();
    }
}
