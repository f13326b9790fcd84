package io.fssdk.cli;

/** Where {@code fssdk run} writes one output's records: a Kafka topic partition, a file, or stdout. */
interface RecordSink extends AutoCloseable {
    /** Sends one record; it may be buffered until {@link #flush()}. The sink owns {@code value}. */
    void send(byte[] value);

    /**
     * Waits until every record sent so far is written (Kafka: acknowledged by the brokers).
     *
     * @throws RuntimeException when a record could not be written
     */
    void flush();

    /** What this sink writes to, for messages. */
    String describe();

    @Override
    void close();
}
