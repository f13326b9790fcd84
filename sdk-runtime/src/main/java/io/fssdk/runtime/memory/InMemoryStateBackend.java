package io.fssdk.runtime.memory;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.spi.CheckpointingStateBackend;
import io.fssdk.api.spi.StoreNames;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A thread-safe {@link StateBackend} that keeps every store in memory: the default backend of the runner
 * and the test kit. It implements the store semantics of {@link io.fssdk.api.Store} exactly as the RocksDB backend
 * does; both pass the same conformance suite.
 *
 * <p><b>Data.</b> Each store name maps to a {@code ConcurrentSkipListMap<byte[], byte[]>} of
 * {@link io.fssdk.api.spi.KeyCodec} storage keys in unsigned byte order. Every handle opened under a
 * name shares that map.
 *
 * <p><b>Scans.</b> {@link Store#scanComplex} reads a consistent snapshot without copying the range: while
 * an iterator is open, writers to its range first record the value each key had when the scan began (an
 * undo log of pre-images), and the iterator prefers those pre-images to the live map. A scan costs O(1)
 * to start and memory only for keys written during it; with no iterator open, writes pay nothing.
 *
 * <p><b>Checkpoints</b> live in memory: {@link #checkpoint} copies every store under all store locks at
 * once (a consistent cut), and {@link #restore} closes every open handle and iterator and replaces the
 * stores with copies of the checkpoint, so a checkpoint can be restored any number of times. Stores
 * created after the checkpoint disappear. Nothing survives the JVM.
 *
 * <p><b>Closing.</b> {@link #close()} is idempotent. It closes every open store handle (each closes its
 * iterators) and drops all data and checkpoints; afterwards every method of the backend, its stores and
 * iterators throws {@link SdkException} with {@link ErrorCode#RUNTIME_CLOSED}.
 */
public final class InMemoryStateBackend implements CheckpointingStateBackend {
    private final Map<String, InMemoryTable> tables = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, InMemoryTable>> checkpoints = new ConcurrentHashMap<>();
    private final Set<InMemoryStore> handles = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    // Opening stores takes the shared side; checkpoint, restore and close take the exclusive side, so they
    // see a fixed set of stores and handles. Reads and writes of store data do not touch this lock.
    private final ReentrantReadWriteLock structure = new ReentrantReadWriteLock();

    /** Creates an empty backend with no stores and no checkpoints. */
    public InMemoryStateBackend() {
    }

    /**
     * Opens a new handle on the store with this name, creating the store if needed. Handles opened
     * under the same (trimmed) name share one store's data.
     *
     * @throws SdkException {@code STORE_INVALID_NAME} for a null, empty or blank name;
     *     {@code RUNTIME_CLOSED} after {@link #close()}
     */
    @Override
    public Store openStore(String name) {
        String storeName = StoreNames.normalize(name);
        Lock lock = structure.readLock();
        lock.lock();
        try {
            ensureOpen();
            InMemoryTable table = tables.computeIfAbsent(storeName, n -> new InMemoryTable());
            InMemoryStore store = new InMemoryStore(storeName, table, this);
            handles.add(store);
            return store;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Keeps a consistent in-memory copy of every store under {@code checkpointId}.
     *
     * @throws SdkException {@code CONFIG_INVALID} when the id was already used; {@code RUNTIME_CLOSED}
     *     after {@link #close()}
     */
    @Override
    public void checkpoint(long checkpointId) {
        Lock lock = structure.writeLock();
        lock.lock();
        try {
            ensureOpen();
            if (checkpoints.containsKey(checkpointId)) {
                throw new SdkException(ErrorCode.CONFIG_INVALID,
                        "in-memory backend: checkpoint " + checkpointId + " already exists");
            }
            checkpoints.put(checkpointId, InMemoryTable.copyAll(tables));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes every open store handle and iterator, then replaces all stores with copies of the checkpoint
     * {@code checkpointId}. Handles opened before the call throw {@code RUNTIME_CLOSED}; open new ones.
     *
     * @throws SdkException {@code STORE_NOT_FOUND} when there is no such checkpoint (nothing is closed
     *     then); {@code RUNTIME_CLOSED} after {@link #close()}
     */
    @Override
    public void restore(long checkpointId) {
        Lock lock = structure.writeLock();
        lock.lock();
        try {
            ensureOpen();
            Map<String, InMemoryTable> checkpoint = checkpoints.get(checkpointId);
            if (checkpoint == null) {
                throw new SdkException(ErrorCode.STORE_NOT_FOUND,
                        "in-memory backend: no checkpoint " + checkpointId);
            }
            closeHandles();
            tables.clear();
            // Copy again so that later writes never reach the checkpoint, which may be restored again.
            checkpoint.forEach((name, table) -> tables.put(name, table.copy()));
        } finally {
            lock.unlock();
        }
    }

    /** Closes every open store handle and its iterators, then drops all data and checkpoints. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Lock lock = structure.writeLock();
        lock.lock();
        try {
            closeHandles();
            tables.clear();
            checkpoints.clear();
        } finally {
            lock.unlock();
        }
    }

    void forget(InMemoryStore store) {
        handles.remove(store);
    }

    private void closeHandles() {
        for (InMemoryStore store : new ArrayList<>(handles)) {
            store.close();
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new SdkException(ErrorCode.RUNTIME_CLOSED, "in-memory backend is closed");
        }
    }
}
