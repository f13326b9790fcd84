package io.fssdk.store.rocksdb;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.spi.CheckpointInfo;
import io.fssdk.api.spi.CheckpointingStateBackend;
import io.fssdk.api.spi.PendingWrite;
import io.fssdk.api.spi.StoreNames;
import io.fssdk.api.spi.StoreWrites;
import io.fssdk.api.spi.TransactionalStateBackend;
import io.fssdk.api.spi.WriteBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * A {@link StateBackend} on RocksDB, implementing the store semantics of {@link io.fssdk.api.Store} exactly as the
 * in-memory backend does; both pass the same conformance suite.
 *
 * <p><b>Layout.</b> {@link #directory()} is a plain RocksDB database, openable with RocksDB's own tools.
 * Each store is one column family named after the (trimmed) store name, in UTF-8, created on first open and
 * reopened on every later open of the directory. Keys are {@link io.fssdk.api.spi.KeyCodec} storage keys.
 * A runner's stores are named by their identities ({@link StoreNames}): operator {@code counter}'s store
 * {@code counter-store} is the column family {@code @counter/counter-store}, a shared store {@code totals}
 * is {@code @/totals}. Such a column family also holds a creation marker under key {@code 0x00}, outside
 * both key spaces (see {@link RocksDBMigration}).
 *
 * <p><b>Migration.</b> A directory written before namespaces keeps its stores under bare names
 * ({@code counter-store}). {@link #openMigrating} copies such a column family into the identity the first
 * time that is opened, crash-safely, and leaves the bare one as it was.
 *
 * <p><b>Operations.</b> {@code merge} is RocksDB's string-append merge operator with an empty delimiter,
 * which is exact byte concatenation; {@code deletePrefix} is one {@code DeleteRange}; lists are bounded
 * with {@code iterate_upper_bound}; {@code scanComplex} reads a RocksDB snapshot, released when the
 * iterator or its store closes.
 *
 * <p><b>Atomic calls and durability.</b> {@link #commit} applies a runner's batch (one driver call's
 * writes) as one RocksDB {@code WriteBatch}, in one write. The write-ahead log is always on, so a committed
 * batch survives a crash of the process (kill -9) as soon as {@code commit} returns. By default the log is
 * not synced ({@link Builder#syncWrites}), so a power cut or kernel crash may lose the last few
 * committed batches (never part of one: RocksDB recovers the log up to the last whole batch); with
 * {@code syncWrites(true)} every commit waits for {@code fsync} and nothing committed is lost, at a
 * large cost per call. Checkpoints are always synced.
 *
 * <p><b>Checkpoints</b> are RocksDB checkpoints (SST files hard-linked, the rest copied) written to
 * {@code <checkpointDirectory>/<id>} and completed by a commit marker holding the embedder's metadata
 * (see {@link RocksDBCheckpoints}): a crash while taking one leaves the previous one as the latest. The
 * checkpoint directory lies outside the database directory, by default beside it as
 * {@code <directory>-checkpoints}; checkpoints survive restarts. The newest
 * {@link Builder#retainedCheckpoints} (default 3) are kept.
 *
 * <p><b>Restore</b> is crash-safe: it copies the checkpoint beside the database directory, checks that
 * it opens, then closes every store handle, iterator and the database and switches directories with two
 * renames; a crash at any point leaves the old database or the restored one, and the next open finishes
 * or undoes the switch (see {@link RocksDBFiles}). A missing, incomplete or corrupt checkpoint is refused
 * before anything changes.
 *
 * <p><b>Errors and closing.</b> Every {@link RocksDBException} becomes an {@link SdkException} with
 * {@link ErrorCode#STORE_IO} naming the store (or the directory). {@link #close()} is idempotent: it closes
 * the store handles, each of which frees its iterators (iterator, read options, bound, snapshot), then
 * the column family handles, then the database, then the options and merge operator that the database
 * used. Afterwards every method throws {@code RUNTIME_CLOSED}.
 *
 * <p>The backend is thread-safe. Store calls share a read lock; {@code restore} and {@code close} take it
 * exclusively, so they never free a native object that a call is using.
 */
public final class RocksDBStateBackend implements CheckpointingStateBackend, TransactionalStateBackend {
    static {
        // Extracts and loads the JNI library once per class loader; later calls are no-ops.
        RocksDB.loadLibrary();
    }

    private final RocksDBLayout layout;
    private final Path directory;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<RocksDBStore> handles = ConcurrentHashMap.newKeySet();
    private final Object checkpointing = new Object();
    private final Object restoring = new Object();
    private final RocksDBMigration migration = new RocksDBMigration();
    private final RocksDBCheckpoints checkpoints;
    private final WriteOptions writeOptions;
    private final boolean syncWrites;
    /** Test seam: called at each step of a checkpoint or restore, to crash there. */
    private volatile RocksDBFiles.Steps steps = RocksDBFiles.NO_STEPS;
    // Read under the shared lock; replaced under the exclusive lock by restore, cleared by close.
    private RocksDBDatabase database;

    private RocksDBStateBackend(RocksDBLayout layout, RocksDBDatabase database, int retained, boolean syncWrites) {
        this.layout = layout;
        this.directory = layout.directory();
        this.database = database;
        this.checkpoints = new RocksDBCheckpoints(layout.checkpointDirectory(), retained);
        this.syncWrites = syncWrites;
        this.writeOptions = new WriteOptions().setSync(syncWrites);
    }

    /**
     * Opens (creating if missing) the database in {@code directory}, with checkpoints in
     * {@code <directory>-checkpoints}.
     *
     * @throws SdkException {@code STORE_IO} when RocksDB cannot open it, for example because another
     *     backend holds its lock
     */
    public static RocksDBStateBackend open(Path directory) {
        return builder().directory(directory).build();
    }

    /** A builder for a backend with non-default options. */
    public static Builder builder() {
        return new Builder();
    }

    /** The absolute directory of the live database. */
    public Path directory() {
        return directory;
    }

    /** The absolute directory that holds one sub-directory per checkpoint. */
    public Path checkpointDirectory() {
        return layout.checkpointDirectory();
    }

    /**
     * Where checkpoint {@code checkpointId} is (or would be) stored: a RocksDB database directory that
     * {@link Builder#restoreFrom} accepts, for example after copying it to another machine.
     */
    public Path checkpointPath(long checkpointId) {
        return layout.checkpoint(checkpointId);
    }

    /**
     * Opens a new handle on the store (column family) with this name, creating it if needed. A new store
     * whose name is an identity ({@link StoreNames#isIdentity}) gets its creation marker (see
     * {@link RocksDBMigration}), so it is never mistaken later for one a migration must fill.
     *
     * @throws SdkException {@code STORE_INVALID_NAME} for a null, empty or blank name; {@code STORE_IO}
     *     when the column family cannot be created; {@code RUNTIME_CLOSED} after {@link #close()}
     */
    @Override
    public Store openStore(String name) {
        return open(StoreNames.normalize(name), null);
    }

    /**
     * Opens store {@code name}; when it was never created and the column family {@code legacyName} exists,
     * first copies every entry of {@code legacyName} into it (see
     * {@link io.fssdk.api.spi.StateBackend#openMigrating}). The copy reads one snapshot and is written in
     * chunks, the creation marker with the last, so a crash during it leaves {@code name} not created and
     * the next open copies again (see {@link RocksDBMigration}). The legacy column family is not changed. A
     * {@code legacyName} that is itself an identity is never copied.
     *
     * @throws SdkException as {@link #openStore}; {@code STORE_IO} naming the store when the copy fails
     */
    @Override
    public Store openMigrating(String name, String legacyName) {
        String legacy = StoreNames.normalize(legacyName);
        return open(StoreNames.normalize(name), StoreNames.isIdentity(legacy) ? null : legacy);
    }

    private Store open(String storeName, String legacy) {
        Lock shared = sharedLock();
        shared.lock();
        try {
            ensureOpen();
            ColumnFamilyHandle family = StoreNames.isIdentity(storeName) ? migration.created(database, storeName, legacy, writeOptions, steps)
                    : database.family(storeName);
            RocksDBStore store = new RocksDBStore(storeName, this, database.db(), family);
            handles.add(store);
            return store;
        } catch (RocksDBException | IOException e) {
            throw RocksDBErrors.store(storeName, legacy == null ? "open" : "open (migrating `" + legacy + "`)", e);
        } finally {
            shared.unlock();
        }
    }

    /** Whether every commit waits for the write-ahead log to be synced (see the class docs). */
    public boolean syncWrites() {
        return syncWrites;
    }

    /**
     * Applies every write of {@code batch} as one RocksDB write batch: all of it or, on failure, none.
     *
     * @throws SdkException {@code STORE_IO} naming the store when RocksDB fails; {@code RUNTIME_CLOSED} after
     *     close
     */
    @Override
    public void commit(WriteBatch batch) {
        Lock shared = sharedLock();
        shared.lock();
        try {
            ensureOpen();
            ensureCreated(batch);
            StoreWrites single = singleWrite(batch);
            if (single != null) {
                // One point write is atomic on its own: write it directly, as the store would, and skip the
                // native write batch (three JNI calls). The counter makes exactly one write per record.
                Map.Entry<byte[], PendingWrite> w = single.pending().firstEntry();
                writeOne(database.family(single.name()), w.getKey(), w.getValue());
                return;
            }
            try (org.rocksdb.WriteBatch writes = new org.rocksdb.WriteBatch()) {
                RocksDBBatchWriter writer = new RocksDBBatchWriter(database, writes);
                batch.replay(writer);
                writer.rethrow();
                database.db().write(writeOptions, writes);
            }
        } catch (RocksDBException | IOException e) {
            throw RocksDBErrors.database(directory, "commit of a batch", e);
        } finally {
            shared.unlock();
        }
    }

    /**
     * Marks every identity store the batch writes that this database does not know as created. A runner
     * opens its stores before writing, so this is almost always one set lookup per store; it matters when the
     * database was restored directly on the backend, under a live runner, to a checkpoint older than one of
     * its stores: the batch then creates the store, and without the marker a later open would take it for an
     * interrupted migration and wipe the batch's writes.
     */
    private void ensureCreated(WriteBatch batch) throws RocksDBException, IOException {
        for (StoreWrites writes : batch.stores()) {
            if (!writes.isEmpty() && StoreNames.isIdentity(writes.name()) && !database.isCreated(writes.name())) {
                migration.created(database, writes.name(), null, writeOptions, steps);
            }
        }
    }

    /** The one store of {@code batch} when the batch is a single point write and nothing else, else null. */
    private static StoreWrites singleWrite(WriteBatch batch) {
        StoreWrites found = null;
        for (StoreWrites writes : batch.stores()) {
            if (writes.isEmpty()) {
                continue;
            }
            if (found != null || !writes.rangeDeletes().isEmpty() || writes.pending().size() != 1) {
                return null;
            }
            found = writes;
        }
        return found;
    }

    private void writeOne(ColumnFamilyHandle family, byte[] key, PendingWrite w) throws RocksDBException {
        RocksDB db = database.db();
        switch (w.kind()) {
            case PUT -> db.put(family, writeOptions, key, w.value());
            case DELETE -> db.delete(family, writeOptions, key);
            case MERGE -> db.merge(family, writeOptions, key, w.value());
            default -> throw new IllegalStateException("unknown kind " + w.kind());
        }
    }

    /**
     * Writes a RocksDB checkpoint of every store to {@link #checkpointPath(long)} and completes it with a
     * commit marker holding {@code metadata}, then deletes checkpoints beyond the retained count. Writes may
     * continue meanwhile; the checkpoint is a consistent cut across column families.
     *
     * @throws SdkException {@code CONFIG_INVALID} when a completed checkpoint with this id exists (also from
     *     an earlier run); {@code STORE_IO} when it cannot be written; {@code RUNTIME_CLOSED} after close
     */
    @Override
    public void checkpoint(long checkpointId, byte[] metadata) {
        byte[] copy = metadata.clone();
        Path target = checkpointPath(checkpointId);
        Lock shared = sharedLock();
        shared.lock();
        try {
            ensureOpen();
            synchronized (checkpointing) {
                checkpoints.prepare(checkpointId, directory);
                database.checkpoint(target);
                steps.reached("checkpoint written");
                checkpoints.commit(checkpointId, copy);
                steps.reached("checkpoint committed");
                checkpoints.prune();
            }
        } catch (IOException | RocksDBException e) {
            throw RocksDBErrors.database(directory, "checkpoint " + checkpointId, e);
        } finally {
            shared.unlock();
        }
    }

    /**
     * The completed checkpoint with the highest id, with its metadata.
     *
     * @throws SdkException {@code STORE_IO} when it cannot be read; {@code RUNTIME_CLOSED} after close
     */
    @Override
    public Optional<CheckpointInfo> latestCheckpoint() {
        ensureOpen();
        synchronized (checkpointing) {
            try {
                return checkpoints.latest(directory);
            } catch (IOException e) {
                throw RocksDBErrors.database(directory, "listing checkpoints", e);
            }
        }
    }

    /**
     * Replaces the database with completed checkpoint {@code checkpointId}: copies it beside the database
     * directory and checks that it opens, then closes every store handle, iterator and the database,
     * switches directories (crash-safe, see the class docs) and reopens. Open new store handles afterwards.
     *
     * @return the checkpoint, with its metadata
     * @throws SdkException {@code STORE_NOT_FOUND} when there is no such checkpoint, {@code STORE_IO} when it
     *     is incomplete or corrupt or cannot be copied: in these cases nothing changed and nothing was
     *     closed; {@code STORE_IO} when the switch or the reopen fails, after which the backend is closed;
     *     {@code RUNTIME_CLOSED} after {@link #close()}
     */
    @Override
    public CheckpointInfo restore(long checkpointId) {
        synchronized (restoring) {
            ensureOpen();
            CheckpointInfo info;
            Path staging;
            // Staged under the checkpoint monitor (no checkpoint prunes the source meanwhile), without the
            // backend lock: store calls go on while the copy is made and checked.
            synchronized (checkpointing) {
                info = checkpoints.read(checkpointId, directory);
                Path source = checkpointPath(checkpointId);
                try {
                    staging = RocksDBFiles.stage(source, directory, RocksDBCheckpoints.MARKER, steps);
                    RocksDBDatabase.check(staging, source, directory);
                    steps.reached("staged");
                } catch (IOException e) {
                    try {
                        RocksDBFiles.deleteTree(RocksDBFiles.staging(directory));
                    } catch (IOException cleanup) {
                        e.addSuppressed(cleanup); // the next restore or open deletes it
                    }
                    throw RocksDBErrors.database(directory, "restore of checkpoint " + checkpointId
                            + " (nothing changed)", e);
                }
            }
            Lock exclusive = lock.writeLock();
            exclusive.lock();
            try {
                ensureOpen();
                closeHandles();
                try {
                    closeDatabase();
                } catch (RocksDBException e) {
                    // The old database is being discarded and its natives are freed even when closing fails,
                    // so an error here cannot affect the restored one.
                }
                try {
                    RocksDBFiles.switchTo(staging, directory, steps);
                    database = RocksDBDatabase.open(directory, true);
                } catch (IOException | RocksDBException e) {
                    // Without a database nothing can work; fail closed rather than half-open. Reopening the
                    // directory runs the recovery that completes or undoes the switch.
                    closed.set(true);
                    writeOptions.close();
                    throw RocksDBErrors.database(directory, "restore of checkpoint " + checkpointId
                            + " (the backend is now closed; reopen the directory)", e);
                }
                return info;
            } finally {
                exclusive.unlock();
            }
        }
    }

    /** Installs the test seam called at each step of checkpoints, restores and migrations. */
    void steps(RocksDBFiles.Steps steps) {
        this.steps = steps;
    }

    /** Sets the chunk size of migration copies; a test seam. */
    void migrationChunkBytes(long bytes) {
        migration.chunkBytes(bytes);
    }

    /** Closes every store handle and its iterators, then frees the database and its options. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Lock exclusive = lock.writeLock();
        exclusive.lock();
        try {
            closeHandles();
            closeDatabase();
        } catch (RocksDBException e) {
            throw RocksDBErrors.database(directory, "close", e);
        } finally {
            writeOptions.close();
            exclusive.unlock();
        }
    }

    /** The lock every store and iterator call holds while it uses native objects. */
    Lock sharedLock() {
        return lock.readLock();
    }

    /** The open database; for tests in this package that inspect RocksDB directly. */
    RocksDBDatabase database() {
        return database;
    }

    void forget(RocksDBStore store) {
        handles.remove(store);
    }

    private void closeHandles() {
        for (RocksDBStore store : new ArrayList<>(handles)) {
            store.close();
        }
    }

    /** Frees the database; its natives are gone even when RocksDB reports an error. */
    private void closeDatabase() throws RocksDBException {
        RocksDBDatabase current = database;
        database = null;
        if (current != null) {
            current.close();
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw RocksDBErrors.closed("rocksdb backend `" + directory + "`");
        }
    }

    /**
     * Options of a {@link RocksDBStateBackend}. Only {@link #directory} is required; {@link #build()}
     * validates the combination and opens the backend.
     */
    public static final class Builder {
        private Path directory;
        private Path checkpointDirectory;
        private boolean createIfMissing = true;
        private Path restoreFrom;
        private int retainedCheckpoints = DEFAULT_RETAINED_CHECKPOINTS;
        private boolean syncWrites;

        private Builder() {
        }

        /**
         * How many completed checkpoints to keep (at least 1); older ones are deleted after each new one.
         * Default: {@value CheckpointingStateBackend#DEFAULT_RETAINED_CHECKPOINTS}.
         */
        public Builder retainedCheckpoints(int retainedCheckpoints) {
            this.retainedCheckpoints = retainedCheckpoints;
            return this;
        }

        /**
         * Whether every commit waits until the write-ahead log is synced to disk. Default {@code false}: a
         * committed write survives a process crash but the last few may be lost on a power cut. See the
         * class docs.
         */
        public Builder syncWrites(boolean syncWrites) {
            this.syncWrites = syncWrites;
            return this;
        }

        /** The directory of the live database. Required. */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Where checkpoints go, one sub-directory per id. Default: {@code <directory>-checkpoints} beside
         * the database directory. It must neither contain nor lie inside the database directory.
         */
        public Builder checkpointDirectory(Path checkpointDirectory) {
            this.checkpointDirectory = Objects.requireNonNull(checkpointDirectory, "checkpointDirectory");
            return this;
        }

        /** Whether to create a new database when the directory has none. Default: {@code true}. */
        public Builder createIfMissing(boolean createIfMissing) {
            this.createIfMissing = createIfMissing;
            return this;
        }

        /**
         * Starts from a copy of the checkpoint in {@code checkpoint} (for example a
         * {@link RocksDBStateBackend#checkpointPath} of another backend): the database directory is
         * <em>replaced</em> by the copy, crash-safely, once the copy is known to open. The checkpoint itself
         * is never changed.
         */
        public Builder restoreFrom(Path checkpoint) {
            this.restoreFrom = Objects.requireNonNull(checkpoint, "checkpoint");
            return this;
        }

        /**
         * Validates the options and opens the backend.
         *
         * @throws SdkException {@code CONFIG_INVALID} when no directory is set or the directories
         *     overlap; {@code STORE_NOT_FOUND} when {@code restoreFrom} is not a checkpoint, or when the
         *     directory has no database and {@code createIfMissing} is false; {@code STORE_IO} when
         *     RocksDB or the file system fails
         */
        public RocksDBStateBackend build() {
            RocksDBLayout layout = RocksDBLayout.of(directory, checkpointDirectory);
            if (retainedCheckpoints < 1) {
                throw new SdkException(ErrorCode.CONFIG_INVALID, "rocksdb `" + layout.directory()
                        + "`: retainedCheckpoints must be at least 1, got " + retainedCheckpoints);
            }
            try {
                layout.prepare(createIfMissing, restoreFrom);
                return new RocksDBStateBackend(layout, RocksDBDatabase.open(layout.directory(), createIfMissing),
                        retainedCheckpoints, syncWrites);
            } catch (IOException | RocksDBException e) {
                throw RocksDBErrors.open(layout.directory(), e);
            }
        }
    }
}
