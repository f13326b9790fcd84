package io.fssdk.runtime;

import io.fssdk.api.Store;
import io.fssdk.api.spi.CheckpointingStateBackend;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a real backend to record the checkpoints asked of it and to fail one on demand. It is a
 * decorator for assertions, not a backend of its own: every store comes from the wrapped one.
 */
final class RecordingBackend implements CheckpointingStateBackend {
    final CheckpointingStateBackend delegate;
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
    public void checkpoint(long checkpointId) {
        checkpoints.add(checkpointId);
        if (checkpointFailure != null) {
            throw checkpointFailure;
        }
        delegate.checkpoint(checkpointId);
    }

    @Override
    public void restore(long checkpointId) {
        delegate.restore(checkpointId);
    }

    @Override
    public void close() {
        closed = true;
        delegate.close();
    }
}
