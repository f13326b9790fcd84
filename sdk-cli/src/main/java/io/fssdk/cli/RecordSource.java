package io.fssdk.cli;

import java.time.Duration;

/**
 * Where {@code fssdk run} reads records: a Kafka input, or lines of a file or stdin. Used by one thread.
 */
interface RecordSource extends AutoCloseable {
    /** Receives the records a source polled, in order. */
    @FunctionalInterface
    interface Handler {
        /**
         * Handles one record. When it returns, the record counts as done: its offset may be committed.
         * When it throws, it does not, and the run stops.
         *
         * @param sourceId the operator's source id
         * @param origin where the record came from, for dead letters: {@code topic-partition} or a file name
         * @param offset the record's offset in its partition, or its line number (from 0) in a file
         * @param value the record's bytes, owned by the handler
         */
        void handle(int sourceId, String origin, long offset, byte[] value);
    }

    /**
     * Polls for records, handing each to {@code handler}.
     *
     * @param timeout how long to wait when nothing is there
     * @return how many records were handled
     */
    int poll(Duration timeout, Handler handler);

    /** Whether the source has ended (end of file); a Kafka input never ends. */
    boolean exhausted();

    /** Makes the position after every handled record durable (Kafka: commits the consumer's offsets). */
    void commit();

    @Override
    void close();
}
