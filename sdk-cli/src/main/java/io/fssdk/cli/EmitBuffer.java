package io.fssdk.cli;

import io.fssdk.runtime.OutputSink;
import java.util.Arrays;

/**
 * Holds what the operator emits while it processes one record, so that a record's outputs are written
 * only when the whole record succeeded: a record that fails, or that emits to a target with no output,
 * writes nothing (nothing is half-written), and the error policy decides what happens next. The arrays
 * are reused from record to record.
 */
final class EmitBuffer implements OutputSink {
    private final RecordSink[] sinks;
    private int[] targets = new int[8];
    private byte[][] values = new byte[8][];
    private int size;
    /** The first target without an output in the current record, or {@code NONE}. */
    private long badTarget = NONE;
    private static final long NONE = -1;

    EmitBuffer(RecordSink[] sinks) {
        this.sinks = sinks.clone();
    }

    @Override
    public void emit(int targetId, byte[] data) {
        if (Integer.toUnsignedLong(targetId) >= sinks.length) {
            if (badTarget == NONE) {
                badTarget = Integer.toUnsignedLong(targetId);
            }
            return;
        }
        if (size == targets.length) {
            targets = Arrays.copyOf(targets, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        targets[size] = targetId;
        values[size++] = data;
    }

    /** Starts a record: forgets whatever the previous one left. */
    void begin() {
        Arrays.fill(values, 0, size, null);
        size = 0;
        badTarget = NONE;
    }

    /**
     * The error for an emit to a target with no output in this record, or null.
     */
    String badTargetMessage() {
        if (badTarget == NONE) {
            return null;
        }
        return "emit to target " + badTarget + ", but the function has " + sinks.length + " output(s) (targets 0.."
                + (sinks.length - 1) + ")";
    }

    /**
     * Sends the record's outputs to their sinks.
     *
     * @param perTarget counts each sent record at its target's index
     * @return how many records were sent
     */
    int dispatch(long[] perTarget) {
        for (int i = 0; i < size; i++) {
            sinks[targets[i]].send(values[i]);
            perTarget[targets[i]]++;
            values[i] = null;
        }
        int n = size;
        size = 0;
        return n;
    }
}
