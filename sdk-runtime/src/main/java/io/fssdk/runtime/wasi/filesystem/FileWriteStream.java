package io.fssdk.runtime.wasi.filesystem;

import io.fssdk.runtime.wasi.io.HostOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The {@code output-stream} of {@code write-via-stream} (positional, from an offset) and
 * {@code append-via-stream} (each write at the end of the file).
 */
final class FileWriteStream implements HostOutputStream {
    private final SharedChannel file;
    private final boolean append;
    private long position;

    FileWriteStream(SharedChannel file, long offset, boolean append) {
        this.file = file.retain();
        this.position = offset;
        this.append = append;
    }

    @Override
    public synchronized void write(byte[] data) throws IOException {
        try {
            long at = append ? file.channel().size() : position;
            ByteBuffer buf = ByteBuffer.wrap(data);
            while (buf.hasRemaining()) {
                at += file.channel().write(buf, at);
            }
            position = at;
        } catch (IOException e) {
            throw Errors.wrap(e);
        }
    }

    @Override
    public void flush() {
        // Writes go straight to the channel; durability is what sync and sync-data are for.
    }

    @Override
    public void close() throws IOException {
        file.release();
    }
}
