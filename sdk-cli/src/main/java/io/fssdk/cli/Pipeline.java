package io.fssdk.cli;

import io.fssdk.api.SdkException;
import io.fssdk.runtime.OperatorRunner;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;

/**
 * The loop of {@code fssdk run}: polls the sources in turn (round robin, like Function Stream), gives
 * each record to the operator, writes its outputs, applies the error policy, and commits.
 *
 * <p><b>Commit order.</b> Every {@code checkpointInterval}, and at the end, a commit (1) flushes every
 * sink and the dead-letter sink, so the outputs of every handled record are acknowledged, (2) takes a
 * checkpoint of the operator's state ({@code takeCheckpoint}: the operator's part, then the durable
 * RocksDB checkpoint), and only then (3) commits the sources' offsets. A crash before (3) replays the
 * records since the last commit: outputs and state updates are at-least-once. With
 * {@code --exactly-once} the outputs and the offsets go in one Kafka transaction instead ({@link
 * #commit()}), so consumers reading {@code read_committed} see each output once; the checkpoint taken
 * before the transaction commits records its input positions ({@link CommittedPositions}), and the next
 * run restores the checkpoint whose positions were committed, so the state matches the outputs.
 *
 * <p><b>A failing record</b> writes none of its outputs ({@link EmitBuffer}). Under {@code fail} the
 * loop commits what came before it and stops; under {@code skip} and {@code dead-letter} it goes on,
 * and the record counts as handled.
 */
final class Pipeline {
    private static final Duration POLL = Duration.ofMillis(100);

    private final String operator;
    private final OperatorRunner runner;
    private final List<RecordSource> sources;
    private final RecordSink[] sinks;
    private final EmitBuffer emits;
    private final ErrorPolicy policy;
    private final DeadLetterSink deadLetter;
    private final MetricsServer metrics;
    private final CheckpointIds checkpoints;
    private final KafkaProducer<byte[], byte[]> transactional;
    private final Duration checkpointInterval;
    private final Duration exitWhenIdle;
    private final AtomicBoolean stop;
    private final Progress progress;
    private final LongSupplier guestMemory;

    private long recordsIn;
    private long recordsOut;
    private long errors;
    private final long[] outPerTarget;
    private boolean dirty;
    private boolean inTransaction;

    Pipeline(Builder b) {
        this.operator = b.operator;
        this.runner = b.runner;
        this.sources = List.copyOf(b.sources);
        this.sinks = b.sinks.clone();
        this.emits = new EmitBuffer(sinks);
        this.policy = b.policy;
        this.deadLetter = b.deadLetter;
        this.metrics = b.metrics;
        this.checkpoints = b.checkpoints;
        this.transactional = b.transactional;
        this.checkpointInterval = b.checkpointInterval;
        this.exitWhenIdle = b.exitWhenIdle;
        this.stop = b.stop;
        this.progress = b.progress;
        this.guestMemory = b.guestMemory;
        this.outPerTarget = new long[sinks.length];
        for (RecordSource s : sources) {
            if (s instanceof KafkaSource k) {
                k.onRevoke(this::commit);
            }
        }
    }

    /** Where the runner's output sink puts emitted records. */
    EmitBuffer emitBuffer() {
        return emits;
    }

    long recordsIn() {
        return recordsIn;
    }

    long recordsOut() {
        return recordsOut;
    }

    long errors() {
        return errors;
    }

    /**
     * Runs until every source has ended, {@code exitWhenIdle} passed without a record, or {@code stop}
     * is set; then commits.
     *
     * @throws CliException {@link ExitCodes#RUN_FAILED} when a record fails under {@code fail}, after
     *     committing what came before it
     */
    void run() {
        long interval = checkpointInterval.toNanos();
        long idleLimit = exitWhenIdle != null ? exitWhenIdle.toNanos() : Long.MAX_VALUE;
        long lastCommit = System.nanoTime();
        long lastRecord = lastCommit;
        try {
            while (!stop.get()) {
                boolean live = false;
                int handled = 0;
                for (RecordSource s : sources) {
                    if (!s.exhausted()) {
                        handled += s.poll(POLL, this::handle);
                        live |= !s.exhausted();
                    }
                }
                long now = System.nanoTime();
                if (handled > 0) {
                    lastRecord = now;
                }
                if (progress != null) {
                    progress.update(recordsIn, recordsOut, errors, guestMemory.getAsLong());
                }
                if (now - lastCommit >= interval) {
                    commit();
                    lastCommit = now;
                }
                if (!live || now - lastRecord >= idleLimit) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            // Commit what was handled before the failure, so it is neither lost nor repeated.
            try {
                commit();
            } catch (RuntimeException c) {
                e.addSuppressed(c);
                abortQuietly(e);
            }
            throw e;
        }
        commit();
        if (progress != null) {
            progress.update(recordsIn, recordsOut, errors, guestMemory.getAsLong());
        }
    }

    private void handle(int sourceId, String origin, long offset, byte[] value) {
        recordsIn++;
        dirty = true;
        emits.begin();
        String error;
        String cause;
        SdkException thrown = null;
        try {
            runner.process(sourceId, value);
            error = emits.badTargetMessage();
            cause = "no-output";
        } catch (SdkException e) {
            thrown = e;
            error = e.getMessage();
            cause = e.code().name().toLowerCase(Locale.ROOT);
        }
        if (error == null) {
            if (transactional != null && !inTransaction) {
                transactional.beginTransaction();
                inTransaction = true;
            }
            recordsOut += emits.dispatch(outPerTarget);
            return;
        }
        emits.begin(); // the failed record's outputs are dropped: nothing is half-written
        errors++;
        if (metrics != null) {
            metrics.error(policy, cause);
        }
        switch (policy) {
            case FAIL -> throw new CliException(ExitCodes.RUN_FAILED, "record " + offset + " of " + origin
                    + " (source " + Integer.toUnsignedString(sourceId) + ") failed: " + error, thrown);
            case SKIP -> { }
            case DEAD_LETTER -> {
                if (transactional != null && !inTransaction) {
                    transactional.beginTransaction();
                    inTransaction = true;
                }
                deadLetter.write(new FailedRecord(operator, "fs-process", sourceId, origin, offset, error,
                        System.currentTimeMillis(), value));
                if (metrics != null) {
                    metrics.deadLetter();
                }
            }
        }
    }

    /**
     * Commits everything handled so far, in the order the class describes. Does nothing when nothing was
     * handled since the last commit.
     */
    void commit() {
        if (!dirty) {
            return;
        }
        if (transactional == null) {
            for (RecordSink s : sinks) {
                s.flush();
            }
            if (deadLetter != null) {
                deadLetter.flush();
            }
            checkpoint();
            for (RecordSource s : sources) {
                s.commit();
            }
        } else {
            if (!inTransaction) {
                transactional.beginTransaction();
                inTransaction = true;
            }
            for (RecordSource s : sources) {
                if (s instanceof KafkaSource k) {
                    Map<TopicPartition, OffsetAndMetadata> offsets = k.pendingOffsets();
                    if (!offsets.isEmpty()) {
                        transactional.sendOffsetsToTransaction(offsets, k.groupMetadata());
                    }
                }
            }
            if (deadLetter != null) {
                deadLetter.flush();
            }
            transactional.flush();
            // The positions this checkpoint belongs to, written before it: at start, the newest checkpoint
            // whose positions were committed is the state to restore (see CommittedPositions).
            long id = checkpoints.next();
            Map<String, Long> positions = new HashMap<>();
            for (RecordSource s : sources) {
                if (s instanceof KafkaSource k) {
                    k.positions(positions);
                }
            }
            CommittedPositions.write(checkpoints.directory(), id, positions);
            runner.takeCheckpoint(id);
            checkpoints.prune();
            transactional.commitTransaction();
            inTransaction = false;
            for (RecordSource s : sources) {
                if (s instanceof KafkaSource k) {
                    k.committedInTransaction();
                }
            }
        }
        dirty = false;
    }

    private void checkpoint() {
        runner.takeCheckpoint(checkpoints.next());
        checkpoints.prune();
    }

    private void abortQuietly(RuntimeException e) {
        if (transactional != null && inTransaction) {
            try {
                transactional.abortTransaction();
            } catch (RuntimeException a) {
                e.addSuppressed(a);
            }
            inTransaction = false;
        }
    }

    /** Everything a pipeline needs; fields are set by {@code RunCommand}. */
    static final class Builder {
        String operator;
        OperatorRunner runner;
        List<RecordSource> sources;
        RecordSink[] sinks;
        ErrorPolicy policy = ErrorPolicy.FAIL;
        DeadLetterSink deadLetter;
        MetricsServer metrics;
        CheckpointIds checkpoints;
        KafkaProducer<byte[], byte[]> transactional;
        Duration checkpointInterval = Duration.ofSeconds(5);
        Duration exitWhenIdle;
        AtomicBoolean stop = new AtomicBoolean();
        Progress progress;
        LongSupplier guestMemory = () -> 0;

        Pipeline build() {
            return new Pipeline(this);
        }
    }
}
