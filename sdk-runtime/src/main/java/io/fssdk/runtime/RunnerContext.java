package io.fssdk.runtime;

import io.fssdk.api.Context;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.Timers;
import io.fssdk.api.spi.StateBackend;
import io.fssdk.api.spi.StoreNames;
import io.fssdk.api.spi.TransactionalStateBackend;
import io.fssdk.api.spi.WriteBatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Context} an {@link OperatorRunner} passes to its driver. It forwards emits to the runner's
 * sinks and opens stores from the runner's backend, caching them by trimmed name so the same name always
 * gives the same handle. The backend sees each store under its identity in the runner's namespace (or the
 * shared one), never under the bare name the operator chose: see {@link StoreScope}. It is confined to the
 * runner's thread, like the runner, so it holds no locks.
 *
 * <p>On a {@link TransactionalStateBackend} it owns the runner's {@link WriteBatch}: its stores buffer
 * writes there, {@link #commit()} hands the batch to the backend and {@link #discard()} drops it.
 */
final class RunnerContext implements Context {
    private final String operatorName;
    private final StateBackend backend;
    private final StoreScope scope;
    private final OutputSink outputSink;
    private final WatermarkSink watermarkSink;
    private final Map<String, String> config;
    /** Open handles by trimmed name, in opening order, so close can release them newest first. */
    private final Map<String, RunnerStore> stores = new LinkedHashMap<>();
    /** The current call's writes; null when the backend is not transactional. Reused call after call. */
    private final WriteBatch batch;
    private boolean closed;
    /** The current key, wrapped once when set so that {@link #currentKey()} allocates nothing per call. */
    private Optional<byte[]> currentKey = Optional.empty();
    /** The runner's timer service; set once, right after construction. */
    private Timers timers;

    RunnerContext(String operatorName, StateBackend backend, StoreScope scope, OutputSink outputSink,
            WatermarkSink watermarkSink, Map<String, String> config, long maxCallWriteBytes) {
        this.operatorName = operatorName;
        this.backend = backend;
        this.scope = scope;
        this.outputSink = outputSink;
        this.watermarkSink = watermarkSink;
        this.config = config;
        this.batch = backend instanceof TransactionalStateBackend ? new WriteBatch(maxCallWriteBytes) : null;
    }

    @Override
    public void emit(int targetId, byte[] data) {
        Objects.requireNonNull(data, "data");
        ensureOpen("emit");
        // The one copy the contract requires: the operator may reuse its buffer, the sink may keep ours.
        outputSink.emit(targetId, data.clone());
    }

    @Override
    public void emitOwned(int targetId, byte[] data) {
        Objects.requireNonNull(data, "data");
        ensureOpen("emit");
        // The caller gave the array up, so the copy emit() makes for the operator's sake is not needed.
        outputSink.emit(targetId, data);
    }

    @Override
    public void emitWatermark(int targetId, long watermark) {
        ensureOpen("emitWatermark");
        watermarkSink.emitWatermark(targetId, watermark);
    }

    @Override
    public Store getOrCreateStore(String name) {
        ensureOpen("getOrCreateStore");
        // Normalised as the backends do: the cache key must be the name the backend stores under.
        String trimmed = StoreNames.normalize(name);
        RunnerStore store = stores.get(trimmed);
        if (store == null || store.isClosed()) {
            // A closed handle is replaced, not returned: the operator closed it and now wants the store back.
            // The backend sees the store's identity, never the bare name (see StoreScope).
            String identity = scope.identity(trimmed);
            store = new RunnerStore(trimmed, identity, scope, backend, scope.open(backend, trimmed, identity),
                    batch == null ? null : batch.store(identity));
            stores.remove(trimmed); // re-inserted last: it is now the newest handle
            stores.put(trimmed, store);
        }
        return store;
    }

    @Override
    public Optional<byte[]> currentKey() {
        ensureOpen("currentKey");
        return currentKey;
    }

    @Override
    public void setCurrentKey(byte[] key) {
        ensureOpen("setCurrentKey");
        currentKey = Optional.ofNullable(key);
    }

    @Override
    public Timers timers() {
        ensureOpen("timers");
        return timers;
    }

    /** Gives this context its runner's timer service. */
    void attachTimers(Timers timers) {
        this.timers = timers;
    }

    @Override
    public Map<String, String> config() {
        ensureOpen("config");
        return config;
    }

    /**
     * Applies the current call's writes to the backend in one atomic write, then empties the batch; does
     * nothing when nothing was written or the backend is not transactional.
     *
     * @throws SdkException the backend's failure ({@code STORE_IO}); the batch is emptied either way, so
     *     none of the call's writes is applied
     */
    void commit() {
        if (batch == null || batch.isEmpty()) {
            return;
        }
        try {
            ((TransactionalStateBackend) backend).commit(batch);
        } finally {
            batch.clear();
        }
    }

    /** Drops the current call's writes: none of them reaches the backend. */
    void discard() {
        if (batch != null) {
            batch.clear();
        }
    }

    /**
     * After the backend restored a checkpoint (which closed every backend handle): gives every store the
     * operator has not closed a fresh backend handle, so the operator's references keep working.
     */
    void reopenStores() {
        discard();
        for (RunnerStore store : stores.values()) {
            if (!store.isClosed()) {
                store.rebind(store.reopen());
            }
        }
    }

    /** Whether {@link #close()} has run. */
    boolean isClosed() {
        return closed;
    }

    /**
     * Closes every store handle this context opened, newest first, and refuses every later call. The
     * backend stays open: the embedder owns it. Idempotent.
     *
     * @throws SdkException the first failure to close a store, with the others suppressed; every store is
     *     still attempted
     */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        discard();
        RuntimeException failure = null;
        List<RunnerStore> newestFirst = new ArrayList<>(stores.values());
        Collections.reverse(newestFirst);
        stores.clear();
        for (RunnerStore store : newestFirst) {
            try {
                store.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void ensureOpen(String method) {
        if (closed) {
            throw new SdkException(ErrorCode.RUNTIME_CLOSED, "context used after the runner closed (" + method + ")",
                    operatorName, null, null);
        }
    }
}
