package io.fssdk.cli;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A Kafka producer for one cluster, shared by the outputs on it. Sends are asynchronous; the first
 * failed send is kept and thrown by the next {@link #flush()}, so no output is lost silently. Idempotent
 * ({@code acks=all}); transactional when built with a transactional id ({@code --exactly-once}).
 */
final class ProducerHandle implements AutoCloseable {
    private final String bootstrapServers;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Callback onCompletion = (metadata, e) -> {
        if (e != null) {
            failure.compareAndSet(null, e);
        }
    };

    ProducerHandle(String bootstrapServers, String clientId, Duration maxBlock, String transactionalId) {
        this.bootstrapServers = bootstrapServers;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(maxBlock.toMillis()));
        if (transactionalId != null) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The producer, for the transaction calls of {@code --exactly-once}. */
    KafkaProducer<byte[], byte[]> producer() {
        return producer;
    }

    void send(ProducerRecord<byte[], byte[]> record) {
        producer.send(record, onCompletion);
    }

    /**
     * Waits for every send to be acknowledged.
     *
     * @throws CliException {@link ExitCodes#RUN_FAILED} naming the cluster when a send failed
     */
    void flush() {
        try {
            producer.flush();
        } catch (KafkaException e) {
            failure.compareAndSet(null, e);
        }
        Exception e = failure.get();
        if (e != null) {
            throw new CliException(ExitCodes.RUN_FAILED, "cannot write to Kafka at " + bootstrapServers + ": " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
