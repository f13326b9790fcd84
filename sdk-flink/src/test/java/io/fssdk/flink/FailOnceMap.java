package io.fssdk.flink;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes records through and throws once, in the whole JVM, at the first record after its subtask has seen
 * {@code failAfter} records and at least one checkpoint has completed, so the job restarts from a real
 * checkpoint rather than from scratch. The flags are static: a MiniCluster runs in the test's JVM and class
 * loader, and the operator instances are recreated on restart.
 */
final class FailOnceMap implements MapFunction<byte[], byte[]>, CheckpointListener {
    private static final long serialVersionUID = 1L;

    /** Set when the failure was thrown. */
    static final AtomicBoolean FAILED = new AtomicBoolean();
    /** Set when a checkpoint completed before the failure. */
    static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();

    private final int failAfter;
    private transient int seen;

    FailOnceMap(int failAfter) {
        this.failAfter = failAfter;
    }

    static void reset() {
        FAILED.set(false);
        CHECKPOINTED.set(false);
    }

    @Override
    public byte[] map(byte[] record) {
        if (++seen >= failAfter && CHECKPOINTED.get() && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure after " + seen + " records");
        }
        return record;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        // Only a checkpoint that words had reached counts: restoring an empty one would prove little.
        if (seen > 0) {
            CHECKPOINTED.set(true);
        }
    }
}
