package io.fssdk.cli;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One Kafka output of the configuration: records go to its topic's configured partition, without a
 * key, through the run's shared producer.
 */
final class KafkaSink implements RecordSink {
    private final KafkaOutput output;
    private final ProducerHandle producer;

    KafkaSink(KafkaOutput output, ProducerHandle producer) {
        this.output = output;
        this.producer = producer;
    }

    @Override
    public void send(byte[] value) {
        producer.send(new ProducerRecord<>(output.topic(), output.partition(), null, value));
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public String describe() {
        return "kafka topic " + output.topic() + "[" + output.partition() + "] at " + output.bootstrapServers();
    }

    @Override
    public void close() {
        // The producer is shared; the run closes it.
    }
}
