package io.fssdk.cli;

/** Where {@code --on-error dead-letter} writes failed records. */
interface DeadLetterSink extends AutoCloseable {
    /** Writes one failed record; it may be buffered until {@link #flush()}. */
    void write(FailedRecord failed);

    /** Makes every record written so far durable; called before offsets are committed. */
    void flush();

    /** What it writes to, for messages. */
    String describe();

    @Override
    void close();
}
