package io.fssdk.store.rocksdb;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.spi.CheckpointingStateBackend;
import io.fssdk.api.spi.StoreNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * A {@link StateBackend} on RocksDB, implementing the store semantics of {@link io.fssdk.api.Store} exactly as the
 * in-memory backend does; both pass the same conformance suite.
 *
 * <p><b>Layout.</b> {@link #directory()} is a plain RocksDB database, openable with RocksDB's own tools.
 * Each store is one column family named after the (trimmed) store name, created on first open and
 * reopened on every later open of the directory. Keys are {@link io.fssdk.api.spi.KeyCodec} storage keys.
 *
 * <p><b>Operations.</b> {@code merge} is RocksDB's string-append merge operator with an empty delimiter,
 * which is exact byte concatenation; {@code deletePrefix} is one {@code DeleteRange}; lists are bounded
 * with {@code iterate_upper_bound}; {@code scanComplex} reads a RocksDB snapshot, released when the
 * iterator or its store closes.
 *
 * <p><b>Checkpoints</b> are RocksDB checkpoints (SST files hard-linked, the rest copied) written to
 * {@code <checkpointDirectory>/<id>}. The checkpoint directory lies outside the database directory, by
 * default beside it as {@code <directory>-checkpoints}, so that restoring can replace the database
 * directory wholesale; checkpoints survive restarts. {@link #restore} closes every store handle and
 * iterator and the database, replaces the database directory's contents with a copy of the checkpoint,
 * and reopens it. A crash in the middle of a restore leaves the checkpoint intact; restore it again.
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
public final class RocksDBStateBackend implements CheckpointingStateBackend {
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
    // Read under the shared lock; replaced under the exclusive lock by restore, cleared by close.
    private RocksDBDatabase database;

    private RocksDBStateBackend(RocksDBLayout layout, RocksDBDatabase database) {
        this.layout = layout;
        this.directory = layout.directory();
        this.database = database;
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
     * Opens a new handle on the store (column family) with this name, creating it if needed.
     *
     * @throws SdkException {@code STORE_INVALID_NAME} for a null, empty or blank name; {@code STORE_IO}
     *     when the column family cannot be created; {@code RUNTIME_CLOSED} after {@link #close()}
     */
    @Override
    public Store openStore(String name) {
        String storeName = StoreNames.normalize(name);
        Lock shared = sharedLock();
        shared.lock();
        try {
            ensureOpen();
            ColumnFamilyHandle family = database.family(storeName);
            RocksDBStore store = new RocksDBStore(storeName, this, database.db(), family);
            handles.add(store);
            return store;
        } catch (RocksDBException e) {
            throw RocksDBErrors.store(storeName, "open", e);
        } finally {
            shared.unlock();
        }
    }

    /**
     * Writes a RocksDB checkpoint of every store to {@link #checkpointPath(long)}. Writes may continue
     * meanwhile; the checkpoint is a consistent cut across column families.
     *
     * @throws SdkException {@code CONFIG_INVALID} when a checkpoint with this id exists (also from an
     *     earlier run); {@code STORE_IO} when it cannot be written; {@code RUNTIME_CLOSED} after close
     */
    @Override
    public void checkpoint(long checkpointId) {
        Path target = checkpointPath(checkpointId);
        Lock shared = sharedLock();
        shared.lock();
        try {
            ensureOpen();
            synchronized (checkpointing) {
                if (Files.exists(target)) {
                    throw new SdkException(ErrorCode.CONFIG_INVALID,
                            "rocksdb `" + directory + "`: checkpoint " + checkpointId + " already exists at `"
                                    + target + "`");
                }
                Files.createDirectories(layout.checkpointDirectory());
                database.checkpoint(target);
            }
        } catch (IOException | RocksDBException e) {
            throw RocksDBErrors.database(directory, "checkpoint " + checkpointId, e);
        } finally {
            shared.unlock();
        }
    }

    /**
     * Closes every store handle and iterator and the database, replaces the database with a copy of
     * checkpoint {@code checkpointId} and reopens it. Open new store handles afterwards.
     *
     * @throws SdkException {@code STORE_NOT_FOUND} when there is no such checkpoint (nothing is closed
     *     then); {@code STORE_IO} when the copy or the reopen fails, after which the backend is closed;
     *     {@code RUNTIME_CLOSED} after {@link #close()}
     */
    @Override
    public void restore(long checkpointId) {
        Path source = checkpointPath(checkpointId);
        Lock exclusive = lock.writeLock();
        exclusive.lock();
        try {
            ensureOpen();
            if (!RocksDBFiles.isDatabase(source)) {
                throw new SdkException(ErrorCode.STORE_NOT_FOUND,
                        "rocksdb `" + directory + "`: no checkpoint " + checkpointId + " at `" + source + "`");
            }
            closeHandles();
            try {
                closeDatabase();
            } catch (RocksDBException e) {
                // The old database is being discarded and its natives are freed even when closing fails,
                // so an error here cannot affect the restored one.
            }
            try {
                RocksDBFiles.replaceWithCopy(source, directory);
                database = RocksDBDatabase.open(directory, true);
            } catch (IOException | RocksDBException e) {
                // Without a database nothing can work; fail closed rather than half-open.
                closed.set(true);
                throw RocksDBErrors.database(directory, "restore of checkpoint " + checkpointId
                        + " (the backend is now closed)", e);
            }
        } finally {
            exclusive.unlock();
        }
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

        private Builder() {
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
         * {@link RocksDBStateBackend#checkpointPath} of another backend): the database directory's
         * contents are <em>replaced</em> by the copy. The checkpoint itself is never changed.
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
            try {
                layout.prepare(createIfMissing, restoreFrom);
                return new RocksDBStateBackend(layout, RocksDBDatabase.open(layout.directory(), createIfMissing));
            } catch (IOException | RocksDBException e) {
                throw RocksDBErrors.database(layout.directory(), "open", e);
            }
        }
    }
}
