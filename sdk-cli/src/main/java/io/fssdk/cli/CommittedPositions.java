package io.fssdk.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The input positions each {@code --exactly-once} checkpoint belongs to, and the choice of the checkpoint
 * to restore. With Kafka transactions the outputs and the offsets commit together, but the RocksDB state
 * is written as records are processed; so a run restores the state of the checkpoint taken for the last
 * transaction that committed, and replays from its offsets: the state then matches the committed
 * outputs exactly.
 *
 * <p>Each checkpoint {@code N} gets a file {@code N.positions} beside it, written before the checkpoint
 * and the transaction's commit: one line {@code group|topic|partition=next-offset} per input partition.
 * At start the newest checkpoint whose positions all equal the groups' committed offsets is the one whose
 * transaction committed (a crash between the checkpoint and the commit leaves the newest one unmatched,
 * and the one before it matches).
 */
final class CommittedPositions {
    static final String SUFFIX = ".positions";

    private CommittedPositions() {
    }

    /** Writes checkpoint {@code id}'s positions (key {@code group|topic|partition}), atomically. */
    static void write(Path checkpointDirectory, long id, Map<String, Long> positions) {
        Properties p = new Properties();
        positions.forEach((k, v) -> p.setProperty(k, Long.toString(v)));
        try {
            Files.createDirectories(checkpointDirectory);
            Path tmp = checkpointDirectory.resolve(id + SUFFIX + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "fssdk --exactly-once: input positions of checkpoint " + id);
            }
            try {
                Files.move(tmp, checkpointDirectory.resolve(id + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, checkpointDirectory.resolve(id + SUFFIX), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the positions of checkpoint " + id, e);
        }
    }

    /** The key of one input partition in a positions file. */
    static String key(String group, TopicPartition tp) {
        return group + "|" + tp.topic() + "|" + tp.partition();
    }

    /**
     * The newest checkpoint (of {@code ids}, newest first) whose positions are the groups' committed
     * offsets now; empty when there is no positions file at all (a first run).
     *
     * @throws CliException {@link ExitCodes#RUN_FAILED} when there are positions files but none matches
     *     (offsets reset by hand, or the checkpoints deleted): the state cannot be matched to the outputs
     */
    static Optional<Long> choose(Path checkpointDirectory, List<Long> idsNewestFirst, String bootstrapServers,
            Duration timeout) {
        Map<Long, Map<String, Long>> files = new TreeMap<>();
        for (long id : idsNewestFirst) {
            Path f = checkpointDirectory.resolve(id + SUFFIX);
            if (Files.isRegularFile(f) && Files.isDirectory(checkpointDirectory.resolve(Long.toString(id)))) {
                files.put(id, read(f));
            }
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        Set<String> groups = files.values().stream().flatMap(m -> m.keySet().stream())
                .map(k -> k.substring(0, k.indexOf('|'))).collect(Collectors.toSet());
        Map<String, Long> committed = committed(bootstrapServers, groups, timeout);
        for (long id : idsNewestFirst) {
            Map<String, Long> positions = files.get(id);
            if (positions != null && positions.entrySet().stream()
                    .allMatch(e -> e.getValue().equals(committed.get(e.getKey())))) {
                return Optional.of(id);
            }
        }
        throw new CliException(ExitCodes.RUN_FAILED, "--exactly-once: no checkpoint in " + checkpointDirectory
                + " matches the committed offsets " + committed + " (were the offsets reset?); restore by hand, or "
                + "delete the state directory to start over");
    }

    private static Map<String, Long> read(Path f) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
        Map<String, Long> out = new HashMap<>();
        p.forEach((k, v) -> out.put((String) k, Long.parseLong((String) v)));
        return out;
    }

    private static Map<String, Long> committed(String bootstrapServers, Set<String> groups, Duration timeout) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Map<String, Long> out = new HashMap<>();
        try (Admin admin = Admin.create(p)) {
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                offsets.forEach((tp, o) -> {
                    if (o != null) {
                        out.put(key(group, tp), o.offset());
                    }
                });
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new CliException(ExitCodes.BROKER_UNREACHABLE, "cannot read the committed offsets at "
                    + bootstrapServers + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.RUN_FAILED, "interrupted reading the committed offsets", e);
        }
        return out;
    }
}
