package io.fssdk.examples;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.spi.CheckpointInfo;
import io.fssdk.api.spi.CheckpointingStateBackend;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The counter command's checkpoints: every {@code --checkpoint-every} input lines a checkpoint whose
 * metadata is the number of input lines it covers ({@code input-line=N}), and on start the resume point,
 * the latest checkpoint, whose lines are skipped. Kept apart from {@link CounterMain} so that the command's
 * other options evolve separately.
 */
final class CounterCheckpoints {
    private static final String PREFIX = "input-line=";

    private final CheckpointingStateBackend backend;
    private final int every;
    private long nextId;
    private long lastCovered;

    /**
     * @param every checkpoint every this many input lines; 0 takes none
     * @param resumed the checkpoint the run resumed from, if any
     */
    CounterCheckpoints(CheckpointingStateBackend backend, int every, Optional<CheckpointInfo> resumed) {
        this.backend = backend;
        this.every = every;
        this.lastCovered = resumed.map(CounterCheckpoints::linesCovered).orElse(0L);
        // Ids keep growing across runs, also after --no-resume, so a new checkpoint never reuses an old id.
        this.nextId = backend.latestCheckpoint().map(c -> c.id() + 1).orElse(1L);
    }

    /** The checkpoint to resume from: the latest one, unless {@code noResume}. */
    static Optional<CheckpointInfo> resumePoint(CheckpointingStateBackend backend, boolean noResume) {
        return noResume ? Optional.empty() : backend.latestCheckpoint();
    }

    /**
     * How many input lines checkpoint {@code info} covers, from its metadata.
     *
     * @throws SdkException {@code STORE_INTERNAL} when the metadata is not an input position (a checkpoint
     *     taken by another program)
     */
    static long linesCovered(CheckpointInfo info) {
        String text = new String(info.metadata(), StandardCharsets.US_ASCII);
        if (text.startsWith(PREFIX)) {
            try {
                long lines = Long.parseLong(text.substring(PREFIX.length()));
                if (lines >= 0) {
                    return lines;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new SdkException(ErrorCode.STORE_INTERNAL, "checkpoint " + info.id()
                + " does not record an input position (metadata `" + text + "`); start with --no-resume");
    }

    /** Whether input line {@code line} (1-based) was already covered by the checkpoint resumed from. */
    boolean covered(long line) {
        return line <= lastCovered;
    }

    /** Whether a checkpoint is due after input line {@code line}. */
    boolean due(long line) {
        return every > 0 && line % every == 0;
    }

    /** Whether the run should end with a checkpoint at input line {@code line}, its last. */
    boolean dueAtEnd(long line) {
        return every > 0 && line > lastCovered;
    }

    /** The id of the next checkpoint; call {@link #taken} once it completed. */
    long nextId() {
        return nextId;
    }

    /** The metadata of a checkpoint covering {@code line} input lines. */
    static byte[] metadata(long line) {
        return (PREFIX + line).getBytes(StandardCharsets.US_ASCII);
    }

    /** Records that checkpoint {@link #nextId()} covering {@code line} lines completed. */
    void taken(long line) {
        nextId++;
        lastCovered = line;
    }
}
