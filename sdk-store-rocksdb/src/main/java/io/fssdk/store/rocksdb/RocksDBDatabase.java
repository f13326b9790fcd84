package io.fssdk.store.rocksdb;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.StringAppendOperator;

/**
 * One open RocksDB database and every native object it needs: the options, the merge operator, the
 * database and one column family handle per store. {@link RocksDBStateBackend} replaces its database on
 * restore; this class owns the natives of one such generation and frees them all in {@link #close()}.
 *
 * <p>Callers synchronize through the backend's lock: nothing here is used after {@link #close()}.
 */
final class RocksDBDatabase {
    private final Path directory;
    private final DBOptions dbOptions;
    private final StringAppendOperator appendOperator;
    private final ColumnFamilyOptions familyOptions;
    private final RocksDB db;
    // Guarded by this. Every handle RocksDB gave us, in creation order, so close() frees each exactly once.
    private final Map<String, ColumnFamilyHandle> families = new HashMap<>();
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    // Identity stores known to hold their creation marker (see RocksDBMigration). Concurrent, not guarded
    // by this: every commit asks, and it must not contend with column-family creation.
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    private RocksDBDatabase(Path directory, DBOptions dbOptions, StringAppendOperator appendOperator,
            ColumnFamilyOptions familyOptions, RocksDB db, List<byte[]> names, List<ColumnFamilyHandle> opened) {
        this.directory = directory;
        this.dbOptions = dbOptions;
        this.appendOperator = appendOperator;
        this.familyOptions = familyOptions;
        this.db = db;
        // RocksDB returns the handles in the order of the descriptors it was given.
        for (int i = 0; i < opened.size(); i++) {
            handles.add(opened.get(i));
            families.put(new String(names.get(i), StandardCharsets.UTF_8), opened.get(i));
        }
    }

    /**
     * Opens the database in {@code directory} with every column family it already has.
     *
     * @throws RocksDBException when RocksDB cannot open it (lock held, corrupt files …)
     */
    static RocksDBDatabase open(Path directory, boolean createIfMissing) throws RocksDBException {
        // An empty delimiter makes RocksDB's string-append operator an exact byte concatenation (an absent
        // value counts as empty), which is Store.merge; a test proves it. It is a native merge, so a merge
        // is one write with no read, and it is atomic.
        StringAppendOperator appendOperator = new StringAppendOperator("");
        ColumnFamilyOptions familyOptions = null;
        DBOptions dbOptions = null;
        List<ColumnFamilyHandle> opened = new ArrayList<>();
        try {
            familyOptions = new ColumnFamilyOptions().setMergeOperator(appendOperator);
            dbOptions = new DBOptions().setCreateIfMissing(createIfMissing);
            List<byte[]> names = existingFamilies(directory);
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (byte[] name : names) {
                descriptors.add(new ColumnFamilyDescriptor(name, familyOptions));
            }
            RocksDB db = RocksDB.open(dbOptions, directory.toString(), descriptors, opened);
            return new RocksDBDatabase(directory, dbOptions, appendOperator, familyOptions, db, names, opened);
        } catch (RocksDBException | RuntimeException e) {
            opened.forEach(ColumnFamilyHandle::close);
            if (dbOptions != null) {
                dbOptions.close();
            }
            if (familyOptions != null) {
                familyOptions.close();
            }
            appendOperator.close();
            throw e;
        }
    }

    /**
     * Checks that the staged copy in {@code staging} of checkpoint {@code source} opens as a database;
     * when it does not, deletes it and throws.
     *
     * @throws SdkException {@code STORE_IO} naming the checkpoint, for a corrupt checkpoint
     */
    static void check(Path staging, Path source, Path database) throws IOException {
        try {
            open(staging, false).close();
        } catch (RocksDBException e) {
            RocksDBFiles.deleteTree(staging);
            throw new SdkException(ErrorCode.STORE_IO, "rocksdb `" + database
                    + "`: checkpoint `" + source + "` is corrupt, it does not open: " + e.getMessage(), e);
        }
    }

    /** The directory of this database. */
    Path directory() {
        return directory;
    }

    /** The database, for reads, writes, snapshots and iterators. */
    RocksDB db() {
        return db;
    }

    /** The column family of store {@code name}, created on first use. */
    synchronized ColumnFamilyHandle family(String name) throws RocksDBException {
        ColumnFamilyHandle handle = families.get(name);
        if (handle == null) {
            handle = db.createColumnFamily(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8),
                    familyOptions));
            handles.add(handle);
            families.put(name, handle);
        }
        return handle;
    }

    /** The column family of store {@code name} if it exists, else null; never creates one. */
    synchronized ColumnFamilyHandle existing(String name) {
        return families.get(name);
    }

    /** Whether identity store {@code name} is known to hold its creation marker in this database. */
    boolean isCreated(String name) {
        return created.contains(name);
    }

    /** Records that identity store {@code name} holds its creation marker. */
    void created(String name) {
        created.add(name);
    }

    /** Writes a RocksDB checkpoint (hard-linked SST files plus a copy of the rest) to {@code target}. */
    void checkpoint(Path target) throws RocksDBException {
        try (Checkpoint checkpoint = Checkpoint.create(db)) {
            checkpoint.createCheckpoint(target.toString());
        }
    }

    /**
     * Frees every native object: column family handles first, then the database, then the options and
     * the merge operator, which must outlive the database that uses them. Store handles and iterators
     * must be closed before.
     *
     * @throws RocksDBException when the database reports an error while closing; everything is freed
     *     anyway
     */
    synchronized void close() throws RocksDBException {
        try {
            handles.forEach(ColumnFamilyHandle::close);
            handles.clear();
            families.clear();
            created.clear();
            db.closeE();
        } finally {
            familyOptions.close();
            dbOptions.close();
            appendOperator.close();
        }
    }

    private static List<byte[]> existingFamilies(Path directory) throws RocksDBException {
        if (!Files.exists(directory.resolve("CURRENT"))) {
            // A new database has only the default column family, and listColumnFamilies would fail on it.
            return List.of(RocksDB.DEFAULT_COLUMN_FAMILY);
        }
        try (Options options = new Options()) {
            return RocksDB.listColumnFamilies(options, directory.toString());
        }
    }
}
