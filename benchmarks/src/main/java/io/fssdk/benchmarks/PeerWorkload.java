package io.fssdk.benchmarks;

/**
 * One loaded workload of the peer comparison on our engine: something that processes its next input
 * when asked, and remembers the last record it emitted. Implementations are single-threaded.
 */
interface PeerWorkload extends AutoCloseable {
    /** Processes the next input (inputs are cycled). */
    void one();

    /** The last record emitted since the workload was (re)started; empty if none. */
    byte[] last();

    /** Discards all state and starts a fresh instance with empty stores, as if just loaded. */
    void restart();

    @Override
    void close();
}
