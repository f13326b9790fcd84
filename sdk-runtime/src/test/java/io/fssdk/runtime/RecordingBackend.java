package io.fssdk.runtime;

import io.fssdk.api.Store;
import io.fssdk.api.spi.CheckpointInfo;
import io.fssdk.api.spi.CheckpointingStateBackend;
import io.fssdk.api.spi.TransactionalStateBackend;
import io.fssdk.api.spi.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Wraps a real backend to record the checkpoints asked of it and to fail one on demand. It is a
 * decorator for assertions, not a backend of its own: every store comes from the wrapped one.
 */
final class RecordingBackend implements CheckpointingStateBackend, TransactionalStateBackend {
    final CheckpointingStateBackend delegate;
    int commits;
    final List<Long> checkpoints = new ArrayList<>();
    RuntimeException checkpointFailure;
    boolean closed;

    RecordingBackend(CheckpointingStateBackend delegate) {
        this.delegate = delegate;
    }

    @Override
    public Store openStore(String name) {
        return delegate.openStore(name);
    }

    @Override
    public Store openMigrating(String name, String legacyName) {
        return delegate.openMigrating(name, legacyName);
    }

    @Override
    public void checkpoint(long checkpointId, byte[] metadata) {
        checkpoints.add(checkpointId);
        if (checkpointFailure != null) {
            throw checkpointFailure;
        }
        delegate.checkpoint(checkpointId, metadata);
    }

    @Override
    public Optional<CheckpointInfo> latestCheckpoint() {
        return delegate.latestCheckpoint();
    }

    @Override
    public CheckpointInfo restore(long checkpointId) {
        return delegate.restore(checkpointId);
    }

    @Override
    public void commit(WriteBatch batch) {
        commits++;
        ((TransactionalStateBackend) delegate).commit(batch);
    }

    @Override
    public void close() {
        closed = true;
        delegate.close();
    }
}
