package io.fssdk.cli;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Dead letters as records of a Kafka topic: the value is the failed record's bytes, and the headers
 * {@code fssdk.operator}, {@code fssdk.export}, {@code fssdk.source-id}, {@code fssdk.origin},
 * {@code fssdk.offset}, {@code fssdk.error} and {@code fssdk.timestamp} (ISO-8601) say what failed.
 */
final class KafkaDeadLetterSink implements DeadLetterSink {
    private final String topic;
    private final ProducerHandle producer;

    KafkaDeadLetterSink(String topic, ProducerHandle producer) {
        this.topic = topic;
        this.producer = producer;
    }

    @Override
    public void write(FailedRecord f) {
        RecordHeaders h = new RecordHeaders();
        header(h, "fssdk.operator", f.operator());
        header(h, "fssdk.export", f.export());
        header(h, "fssdk.source-id", Integer.toUnsignedString(f.sourceId()));
        header(h, "fssdk.origin", f.origin());
        header(h, "fssdk.offset", Long.toString(f.offset()));
        header(h, "fssdk.error", f.message());
        header(h, "fssdk.timestamp", Instant.ofEpochMilli(f.timestampMillis()).toString());
        producer.send(new ProducerRecord<>(topic, null, f.timestampMillis(), null, f.record(), h));
    }

    private static void header(RecordHeaders h, String key, String value) {
        h.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public String describe() {
        return "kafka topic " + topic;
    }

    @Override
    public void close() {
        // The producer is the run's; it closes it.
    }
}
