package io.fssdk.runtime.memory;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.spi.CheckpointInfo;
import io.fssdk.api.spi.CheckpointingStateBackend;
import io.fssdk.api.spi.StoreNames;
import io.fssdk.api.spi.TransactionalStateBackend;
import io.fssdk.api.spi.WriteBatch;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
 * <p><b>Batches.</b> {@link #commit} applies a runner's {@link WriteBatch} while holding the structure lock
 * shared, so a checkpoint (which holds it exclusively) sees all of a batch or none of it.
 *
 * <p><b>Checkpoints</b> live in memory: {@link #checkpoint} copies every store under all store locks at
 * once (a consistent cut), with the caller's metadata, and {@link #restore} closes every open handle and
 * iterator and replaces the stores with copies of the checkpoint, so a checkpoint can be restored any
 * number of times. Stores created after the checkpoint disappear. The newest
 * {@link #retainedCheckpoints()} checkpoints (by id) are kept. Nothing survives the JVM.
 *
 * <p><b>Legacy stores.</b> {@link #openMigrating} creates a store as a copy of its bare-named predecessor,
 * for embedders that filled the backend directly under bare names before handing it to runners.
 *
 * <p><b>Closing.</b> {@link #close()} is idempotent. It closes every open store handle (each closes its
 * iterators) and drops all data and checkpoints; afterwards every method of the backend, its stores and
 * iterators throws {@link SdkException} with {@link ErrorCode#RUNTIME_CLOSED}.
 */
public final class InMemoryStateBackend implements CheckpointingStateBackend, TransactionalStateBackend {
    /** A checkpoint: the metadata and the copied stores. */
    private record Saved(byte[] metadata, Map<String, InMemoryTable> tables) {
    }

    private final Map<String, InMemoryTable> tables = new ConcurrentHashMap<>();
    // Guarded by the structure lock (written under its exclusive side, read under either).
    private final TreeMap<Long, Saved> checkpoints = new TreeMap<>();
    private final int retainedCheckpoints;
    private final WriteBatch.Target applier = new Applier();
    private final Set<InMemoryStore> handles = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    // Opening stores takes the shared side; checkpoint, restore and close take the exclusive side, so they
    // see a fixed set of stores and handles. Reads and writes of store data do not touch this lock.
    private final ReentrantReadWriteLock structure = new ReentrantReadWriteLock();

    /**
     * Creates an empty backend with no stores and no checkpoints, keeping
     * {@value CheckpointingStateBackend#DEFAULT_RETAINED_CHECKPOINTS} checkpoints.
     */
    public InMemoryStateBackend() {
        this(DEFAULT_RETAINED_CHECKPOINTS);
    }

    /**
     * Creates an empty backend that keeps the newest {@code retainedCheckpoints} checkpoints.
     *
     * @throws SdkException {@code CONFIG_INVALID} when {@code retainedCheckpoints} is below 1
     */
    public InMemoryStateBackend(int retainedCheckpoints) {
        if (retainedCheckpoints < 1) {
            throw new SdkException(ErrorCode.CONFIG_INVALID,
                    "in-memory backend: retainedCheckpoints must be at least 1, got " + retainedCheckpoints);
        }
        this.retainedCheckpoints = retainedCheckpoints;
    }

    /** How many checkpoints are kept; older ones are dropped when a new one is taken. */
    public int retainedCheckpoints() {
        return retainedCheckpoints;
    }

    /**
     * Applies every write of {@code batch}; a checkpoint sees all of them or none.
     *
     * @throws SdkException {@code RUNTIME_CLOSED} after {@link #close()}
     */
    @Override
    public void commit(WriteBatch batch) {
        Lock lock = structure.readLock();
        lock.lock();
        try {
            ensureOpen();
            batch.replay(applier);
        } finally {
            lock.unlock();
        }
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
     * Opens store {@code name}; when it does not exist yet and store {@code legacyName} does, {@code name}
     * is first created as a consistent copy of it (see {@link io.fssdk.api.spi.StateBackend#openMigrating}).
     * The copy and the creation are one step under the structure lock, so no other open, batch or checkpoint
     * sees {@code name} without its copied entries. A {@code legacyName} that is itself an identity
     * ({@link StoreNames#isIdentity}) is never copied.
     *
     * @throws SdkException {@code STORE_INVALID_NAME} for a null, empty or blank name;
     *     {@code RUNTIME_CLOSED} after {@link #close()}
     */
    @Override
    public Store openMigrating(String name, String legacyName) {
        String storeName = StoreNames.normalize(name);
        String legacy = StoreNames.normalize(legacyName);
        if (tables.containsKey(storeName) || StoreNames.isIdentity(legacy)) {
            return openStore(storeName);
        }
        Lock lock = structure.writeLock();
        lock.lock();
        try {
            ensureOpen();
            InMemoryTable source = tables.get(legacy);
            if (source != null && !tables.containsKey(storeName)) {
                tables.put(storeName, source.lockedCopy());
            }
        } finally {
            lock.unlock();
        }
        return openStore(storeName);
    }

    /**
     * Keeps a consistent in-memory copy of every store under {@code checkpointId}, with a copy of
     * {@code metadata}, then drops the oldest checkpoints beyond {@link #retainedCheckpoints()}.
     *
     * @throws SdkException {@code CONFIG_INVALID} when the id was already used; {@code RUNTIME_CLOSED}
     *     after {@link #close()}
     */
    @Override
    public void checkpoint(long checkpointId, byte[] metadata) {
        byte[] copy = metadata.clone();
        Lock lock = structure.writeLock();
        lock.lock();
        try {
            ensureOpen();
            if (checkpoints.containsKey(checkpointId)) {
                throw new SdkException(ErrorCode.CONFIG_INVALID,
                        "in-memory backend: checkpoint " + checkpointId + " already exists");
            }
            checkpoints.put(checkpointId, new Saved(copy, InMemoryTable.copyAll(tables)));
            while (checkpoints.size() > retainedCheckpoints) {
                checkpoints.pollFirstEntry();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The checkpoint with the highest id, with its metadata.
     *
     * @throws SdkException {@code RUNTIME_CLOSED} after {@link #close()}
     */
    @Override
    public Optional<CheckpointInfo> latestCheckpoint() {
        Lock lock = structure.readLock();
        lock.lock();
        try {
            ensureOpen();
            Map.Entry<Long, Saved> last = checkpoints.lastEntry();
            return last == null ? Optional.empty() : Optional.of(new CheckpointInfo(last.getKey(), last.getValue().metadata()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes every open store handle and iterator, then replaces all stores with copies of the checkpoint
     * {@code checkpointId}. Handles opened before the call throw {@code RUNTIME_CLOSED}; open new ones.
     *
     * @return the checkpoint with its metadata
     * @throws SdkException {@code STORE_NOT_FOUND} when there is no such checkpoint (nothing is closed
     *     then); {@code RUNTIME_CLOSED} after {@link #close()}
     */
    @Override
    public CheckpointInfo restore(long checkpointId) {
        Lock lock = structure.writeLock();
        lock.lock();
        try {
            ensureOpen();
            Saved checkpoint = checkpoints.get(checkpointId);
            if (checkpoint == null) {
                throw new SdkException(ErrorCode.STORE_NOT_FOUND,
                        "in-memory backend: no checkpoint " + checkpointId + " (kept: " + checkpoints.keySet() + ")");
            }
            closeHandles();
            tables.clear();
            // Copy again so that later writes never reach the checkpoint, which may be restored again.
            checkpoint.tables().forEach((name, table) -> tables.put(name, table.copy()));
            return new CheckpointInfo(checkpointId, checkpoint.metadata());
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

    private InMemoryTable table(String name) {
        return tables.computeIfAbsent(name, n -> new InMemoryTable());
    }

    /** Applies replayed batch writes to the tables; the tables take ownership of the (never modified) arrays. */
    private final class Applier implements WriteBatch.Target {
        @Override
        public void put(String store, byte[] key, byte[] value) {
            table(store).put(key, value);
        }

        @Override
        public void delete(String store, byte[] key) {
            table(store).remove(key);
        }

        @Override
        public void merge(String store, byte[] key, byte[] suffix) {
            table(store).append(key, suffix);
        }

        @Override
        public void deleteRange(String store, byte[] from, byte[] to) {
            table(store).removeRange(from, to);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new SdkException(ErrorCode.RUNTIME_CLOSED, "in-memory backend is closed");
        }
    }
}
