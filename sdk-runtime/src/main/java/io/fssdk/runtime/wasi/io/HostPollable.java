package io.fssdk.runtime.wasi.io;

/**
 * The host side of a {@code pollable} of
 * <a href="https://github.com/WebAssembly/wasi-io/blob/v0.2.0/wit/poll.wit">{@code wasi:io/poll}</a>.
 * Host streams never make a guest wait for readiness (their reads and writes block instead, see
 * {@link HostInputStream}), so the only pollables that are ever not ready are clock deadlines.
 */
public interface HostPollable {
    /** Nanoseconds until it is ready, 0 or less when it is ready now. */
    long remainingNanos();

    /**
     * Blocks the calling thread until it is ready (or, for a virtual clock, until the clock says so).
     *
     * @throws InterruptedException when the thread is interrupted; the guest call then traps
     */
    void block() throws InterruptedException;

    /** Whether it is ready now. */
    default boolean ready() {
        return remainingNanos() <= 0;
    }

    /** A pollable that is always ready. */
    static HostPollable alwaysReady() {
        return AlwaysReady.INSTANCE;
    }
}
