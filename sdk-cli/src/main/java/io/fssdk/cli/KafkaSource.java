package io.fssdk.cli;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One Kafka input of the configuration: a consumer of its own, in the input's {@code group_id}, reading
 * its one {@code partition} when the configuration names it (assigned, no group rebalancing), or
 * subscribed to the topic otherwise. Offsets are never committed automatically: {@link #commit()}
 * commits the position after the records handled so far, and the run calls it only after their
 * outputs were produced and the state checkpointed. A group without committed offsets starts at the
 * earliest record.
 */
final class KafkaSource implements RecordSource {
    private final KafkaInput input;
    private final KafkaConsumer<byte[], byte[]> consumer;
    /** The next offset to commit per partition; a long[1] so that marking a record allocates nothing. */
    private final Map<TopicPartition, long[]> pending = new HashMap<>();
    /** Every partition's position after the last record handled in this run, never cleared. */
    private final Map<TopicPartition, long[]> positions = new HashMap<>();
    private Runnable beforeRevoke = () -> { };

    KafkaSource(KafkaInput input, String clientId, boolean readCommitted) {
        this.input = input;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, input.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, input.groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        if (input.partition().isPresent()) {
            consumer.assign(List.of(new TopicPartition(input.topic(), input.partition().getAsInt())));
        } else {
            consumer.subscribe(List.of(input.topic()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Losing partitions: finish what was handled (outputs, state, offsets) before another
                    // member takes over, so it neither loses nor repeats those records.
                    beforeRevoke.run();
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // Nothing to do: positions come from the group's committed offsets.
                }
            });
        }
    }

    /** What to run when the group takes partitions away: the run's commit. */
    void onRevoke(Runnable commit) {
        this.beforeRevoke = commit;
    }

    /** The configuration entry this source reads. */
    KafkaInput input() {
        return input;
    }

    @Override
    public int poll(Duration timeout, Handler handler) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(timeout);
        int n = 0;
        for (TopicPartition tp : records.partitions()) {
            long[] next = pending.computeIfAbsent(tp, k -> new long[1]);
            long[] position = positions.computeIfAbsent(tp, k -> new long[1]);
            String origin = tp.toString();
            for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                byte[] value = r.value() != null ? r.value() : new byte[0];
                handler.handle(input.sourceId(), origin, r.offset(), value);
                next[0] = r.offset() + 1;
                position[0] = next[0];
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean exhausted() {
        return false;
    }

    /** The offsets to commit: the position after every handled record, per partition. */
    Map<TopicPartition, OffsetAndMetadata> pendingOffsets() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        pending.forEach((tp, next) -> {
            if (next[0] > 0) {
                out.put(tp, new OffsetAndMetadata(next[0]));
            }
        });
        return out;
    }

    /** Adds every partition's position in this run to {@code into}, keyed as {@link CommittedPositions#key}. */
    void positions(Map<String, Long> into) {
        positions.forEach((tp, p) -> into.put(CommittedPositions.key(input.groupId(), tp), p[0]));
    }

    /** The group, for offsets sent in a producer's transaction. */
    ConsumerGroupMetadata groupMetadata() {
        return consumer.groupMetadata();
    }

    /** Forgets the pending offsets once a transaction committed them. */
    void committedInTransaction() {
        pending.clear();
    }

    @Override
    public void commit() {
        Map<TopicPartition, OffsetAndMetadata> offsets = pendingOffsets();
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
            pending.clear();
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
