package io.fssdk.runtime.wasi.io;

import java.io.EOFException;
import java.io.IOException;

/**
 * The host side of an {@code input-stream} of
 * <a href="https://github.com/WebAssembly/wasi-io/blob/v0.2.0/wit/streams.wit">{@code wasi:io/streams}</a>.
 * End of stream is an {@link EOFException} (the guest sees {@code stream-error.closed}); any other
 * {@link IOException} reaches the guest as {@code last-operation-failed} with an {@code error} resource
 * holding the exception.
 */
public interface HostInputStream {
    /**
     * Reads at most {@code max} bytes.
     *
     * @param max the most bytes to return, at least 1
     * @param blocking whether to wait for at least one byte; a non-blocking read may return none
     * @return the bytes read
     * @throws EOFException at the end of the stream, when nothing is left to return
     */
    byte[] read(int max, boolean blocking) throws IOException;

    /**
     * Skips at most {@code max} bytes, with the waiting rules of {@link #read}.
     *
     * @return the number of bytes skipped
     */
    default long skip(long max, boolean blocking) throws IOException {
        return read((int) Math.min(max, 64 * 1024), blocking).length;
    }

    /** A pollable that is ready when a read would not wait; by default, always. */
    default HostPollable subscribe() {
        return HostPollable.alwaysReady();
    }

    /** Releases what the stream holds, when the guest drops its handle. */
    default void close() throws IOException {
    }
}
