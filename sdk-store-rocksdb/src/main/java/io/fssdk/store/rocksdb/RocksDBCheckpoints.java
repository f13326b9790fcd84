package io.fssdk.store.rocksdb;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.spi.CheckpointInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The checkpoint directory of a {@link RocksDBStateBackend}: one RocksDB checkpoint per id in
 * {@code <checkpoints>/<id>}, each made complete by a commit marker.
 *
 * <p><b>Atomic.</b> RocksDB writes the checkpoint files first; the marker file {@value #MARKER} (the
 * embedder's metadata with a checksum) is written last, under a temporary name, synced and renamed into
 * place. Only a directory with a valid marker is a checkpoint: one a crash interrupted has none, is never
 * the latest, cannot be restored, and is deleted by the next checkpoint. Pruning deletes the marker
 * first, so a crash while pruning leaves an incomplete directory, never a corrupt checkpoint.
 *
 * <p>Callers serialize checkpoints and restores; nothing here is thread-safe.
 */
final class RocksDBCheckpoints {
    /** The commit marker inside a checkpoint directory; restores never copy it into the database. */
    static final String MARKER = "FSSDK-CHECKPOINT";
    private static final byte[] MAGIC = "FSSDKCP1".getBytes(StandardCharsets.US_ASCII);
    /** Metadata is read whole; this bounds what a corrupt length field can make us allocate. */
    private static final int MAX_METADATA = 1 << 20;

    private final Path root;
    private final int retained;

    RocksDBCheckpoints(Path root, int retained) {
        this.root = root;
        this.retained = retained;
    }

    /** The directory of checkpoint {@code id}. */
    Path path(long id) {
        return root.resolve(Long.toString(id));
    }

    /**
     * Gets ready to write checkpoint {@code id}: refuses a completed one, and deletes what an interrupted
     * attempt left (an unmarked directory, RocksDB's {@code .tmp} directory).
     */
    void prepare(long id, Path database) throws IOException {
        if (isComplete(id)) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "rocksdb `" + database + "`: checkpoint " + id
                    + " already exists at `" + path(id) + "`");
        }
        Files.createDirectories(root);
        RocksDBFiles.deleteTree(path(id));
        RocksDBFiles.deleteTree(root.resolve(id + ".tmp"));
    }

    /** Writes the commit marker of checkpoint {@code id}, whose RocksDB files are complete, making it a checkpoint. */
    void commit(long id, byte[] metadata) throws IOException {
        if (metadata.length > MAX_METADATA) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "checkpoint metadata is " + metadata.length
                    + " bytes; at most " + MAX_METADATA + " are allowed");
        }
        CRC32 crc = new CRC32();
        crc.update(metadata);
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + metadata.length + 8);
        out.put(MAGIC).putInt(metadata.length).put(metadata).putLong(crc.getValue());
        Path dir = path(id);
        Path temp = dir.resolve(MARKER + ".tmp");
        Files.write(temp, out.array());
        RocksDBFiles.sync(temp);
        RocksDBFiles.move(temp, dir.resolve(MARKER));
    }

    /** Whether checkpoint {@code id} has its commit marker. */
    boolean isComplete(long id) {
        return Files.isRegularFile(path(id).resolve(MARKER));
    }

    /**
     * Checkpoint {@code id} with its metadata.
     *
     * @throws SdkException {@code STORE_NOT_FOUND} when there is no such directory; {@code STORE_IO}
     *     naming it when it is incomplete (no marker) or its marker or files are corrupt
     */
    CheckpointInfo read(long id, Path database) {
        Path dir = path(id);
        if (!Files.isDirectory(dir)) {
            throw new SdkException(ErrorCode.STORE_NOT_FOUND, "rocksdb `" + database + "`: no checkpoint " + id
                    + " at `" + dir + "`");
        }
        if (!isComplete(id)) {
            throw new SdkException(ErrorCode.STORE_IO, "rocksdb `" + database + "`: checkpoint " + id + " at `" + dir
                    + "` is incomplete (no " + MARKER + " marker: it was interrupted)");
        }
        if (!RocksDBFiles.isDatabase(dir)) {
            throw corrupt(id, dir, database, "no CURRENT file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dir.resolve(MARKER));
        } catch (IOException e) {
            throw new SdkException(ErrorCode.STORE_IO, "rocksdb `" + database + "`: cannot read the marker of checkpoint "
                    + id + " at `" + dir + "`: " + e.getMessage(), e);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length < MAGIC.length + 12 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw corrupt(id, dir, database, "bad marker header");
        }
        in.position(MAGIC.length);
        int length = in.getInt();
        if (length < 0 || length != bytes.length - MAGIC.length - 12) {
            throw corrupt(id, dir, database, "bad marker length");
        }
        byte[] metadata = new byte[length];
        in.get(metadata);
        CRC32 crc = new CRC32();
        crc.update(metadata);
        if (crc.getValue() != in.getLong()) {
            throw corrupt(id, dir, database, "marker checksum mismatch");
        }
        return new CheckpointInfo(id, metadata);
    }

    /** The completed checkpoint with the highest id, if any. */
    Optional<CheckpointInfo> latest(Path database) throws IOException {
        List<Long> ids = completeIds();
        return ids.isEmpty() ? Optional.empty() : Optional.of(read(ids.get(ids.size() - 1), database));
    }

    /**
     * Deletes completed checkpoints beyond the newest {@code retained} and every leftover of an interrupted
     * one. The marker goes first, so a crash here never leaves a checkpoint that looks complete but is not.
     */
    void prune() throws IOException {
        List<Long> ids = completeIds();
        for (int i = 0; i < ids.size() - retained; i++) {
            Path dir = path(ids.get(i));
            Files.deleteIfExists(dir.resolve(MARKER));
            RocksDBFiles.sync(dir);
            RocksDBFiles.deleteTree(dir);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                Long id = idOf(entry);
                if (id == null ? entry.getFileName().toString().endsWith(".tmp") : !isComplete(id)) {
                    RocksDBFiles.deleteTree(entry);
                }
            }
        }
    }

    /** The ids of completed checkpoints, ascending. */
    List<Long> completeIds() throws IOException {
        List<Long> ids = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return ids;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                Long id = idOf(entry);
                if (id != null && isComplete(id)) {
                    ids.add(id);
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    private static Long idOf(Path entry) {
        try {
            return Long.valueOf(entry.getFileName().toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static SdkException corrupt(long id, Path dir, Path database, String why) {
        return new SdkException(ErrorCode.STORE_IO, "rocksdb `" + database + "`: checkpoint " + id + " at `" + dir
                + "` is corrupt (" + why + ")");
    }
}
