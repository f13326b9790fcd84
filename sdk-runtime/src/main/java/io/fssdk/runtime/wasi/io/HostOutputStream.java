package io.fssdk.runtime.wasi.io;

import java.io.EOFException;
import java.io.IOException;

/**
 * The host side of an {@code output-stream} of
 * <a href="https://github.com/WebAssembly/wasi-io/blob/v0.2.0/wit/streams.wit">{@code wasi:io/streams}</a>.
 * Writes are synchronous: once {@link #write} returns, the bytes are with the sink, so a host stream is
 * always ready and {@code check-write} never asks the guest to wait. An {@link EOFException} means the
 * stream is closed ({@code stream-error.closed}); any other {@link IOException} reaches the guest as
 * {@code last-operation-failed}.
 */
public interface HostOutputStream {
    /** The most bytes one {@code write} may carry; the guest splits larger writes. */
    int WRITE_BUDGET = 1 << 20;

    /** How many bytes the guest may write now; by default {@link #WRITE_BUDGET}. */
    default long checkWrite() throws IOException {
        return WRITE_BUDGET;
    }

    /** Writes all of {@code data}. */
    void write(byte[] data) throws IOException;

    /** Pushes buffered bytes to the sink. */
    void flush() throws IOException;

    /** A pollable that is ready when {@code check-write} would allow a write; by default, always. */
    default HostPollable subscribe() {
        return HostPollable.alwaysReady();
    }

    /** Releases what the stream holds, when the guest drops its handle. */
    default void close() throws IOException {
    }
}
