package io.fssdk.store.rocksdb;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a {@link RocksDBStateBackend} keeps its live database and its checkpoints: two absolute,
 * normalized directories that never contain each other, so that a restore can replace the database
 * directory without touching a checkpoint.
 *
 * @param directory the live database
 * @param checkpointDirectory the parent of one directory per checkpoint id
 */
record RocksDBLayout(Path directory, Path checkpointDirectory) {
    /** Validates the directories; a {@code null} checkpoint directory means {@code <directory>-checkpoints}. */
    static RocksDBLayout of(Path directory, Path checkpointDirectory) {
        if (directory == null) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "rocksdb backend: directory is required");
        }
        Path dir = directory.toAbsolutePath().normalize();
        Path checkpoints;
        if (checkpointDirectory != null) {
            checkpoints = checkpointDirectory.toAbsolutePath().normalize();
        } else if (dir.getFileName() != null) {
            checkpoints = dir.resolveSibling(dir.getFileName() + "-checkpoints");
        } else {
            throw new SdkException(ErrorCode.CONFIG_INVALID,
                    "rocksdb `" + dir + "`: set checkpointDirectory for a database at a file-system root");
        }
        RocksDBLayout layout = new RocksDBLayout(dir, checkpoints);
        layout.requireApart(checkpoints, "checkpointDirectory");
        return layout;
    }

    /** The directory of checkpoint {@code checkpointId}. */
    Path checkpoint(long checkpointId) {
        return checkpointDirectory.resolve(Long.toString(checkpointId));
    }

    /**
     * Gets the database directory ready to open: first finishes or undoes a restore a crash interrupted
     * ({@link RocksDBFiles#recover}); then replaces it by a checked copy of {@code restoreFrom} when that is
     * not {@code null}, else creates it when missing and allowed.
     *
     * @throws SdkException {@code CONFIG_INVALID} when {@code restoreFrom} overlaps the database
     *     directory; {@code STORE_NOT_FOUND} when it is not a checkpoint, or when there is no database and
     *     {@code createIfMissing} is false; {@code STORE_IO} when it does not open as a database
     */
    void prepare(boolean createIfMissing, Path restoreFrom) throws IOException {
        RocksDBFiles.recover(directory);
        if (restoreFrom != null) {
            Path source = restoreFrom.toAbsolutePath().normalize();
            requireApart(source, "restoreFrom");
            if (!RocksDBFiles.isDatabase(source)) {
                throw new SdkException(ErrorCode.STORE_NOT_FOUND,
                        "rocksdb `" + directory + "`: `" + source + "` is not a checkpoint (no CURRENT file)");
            }
            Path staging = RocksDBFiles.stage(source, directory, RocksDBCheckpoints.MARKER, RocksDBFiles.NO_STEPS);
            RocksDBDatabase.check(staging, source, directory);
            RocksDBFiles.switchTo(staging, directory, RocksDBFiles.NO_STEPS);
        } else if (createIfMissing) {
            // RocksDB creates only the last level of a missing path.
            Files.createDirectories(directory);
        } else if (!RocksDBFiles.isDatabase(directory)) {
            throw new SdkException(ErrorCode.STORE_NOT_FOUND,
                    "rocksdb `" + directory + "`: no database and createIfMissing is false");
        }
    }

    private void requireApart(Path other, String option) {
        if (other.startsWith(directory) || directory.startsWith(other)) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "rocksdb `" + directory + "`: " + option + " `" + other
                    + "` must not contain or lie inside the database directory");
        }
    }
}
