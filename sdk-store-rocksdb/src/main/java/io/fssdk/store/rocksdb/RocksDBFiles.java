package io.fssdk.store.rocksdb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * File-system steps of restoring a database from a checkpoint, crash-safe at every point.
 *
 * <p>A restore never writes into the live directory. It copies the checkpoint into a staging directory
 * beside it ({@code <dir>.restoring}), checks that RocksDB opens it, syncs it, and only then switches with
 * two renames: the live directory to {@code <dir>.replaced}, the staging directory to the live name. The
 * one moment with no live directory lies between the two renames, and {@link #recover} (run before every
 * open) finishes the switch from there: a staging directory is only ever renamed after it was complete.
 * So a crash at any point leaves either the old database or the restored one, never a mix or an empty one.
 */
final class RocksDBFiles {
    /** Called at each step of a restore; tests use it to crash there. A no-op in production. */
    @FunctionalInterface
    interface Steps {
        /** Reached step {@code name}. */
        void reached(String name) throws IOException;
    }

    /** Does nothing at every step. */
    static final Steps NO_STEPS = name -> { };

    private RocksDBFiles() {
    }

    /** Whether {@code directory} holds a RocksDB database (or checkpoint): it has a {@code CURRENT} file. */
    static boolean isDatabase(Path directory) {
        return Files.isRegularFile(directory.resolve("CURRENT"));
    }

    /** Where a restore stages the copy of {@code directory}'s new contents. */
    static Path staging(Path directory) {
        return directory.resolveSibling(directory.getFileName() + ".restoring");
    }

    /** Where a restore moves {@code directory}'s old contents just before switching. */
    static Path replaced(Path directory) {
        return directory.resolveSibling(directory.getFileName() + ".replaced");
    }

    /**
     * Finishes or undoes a restore that a crash interrupted, so that {@code directory} holds exactly one
     * complete database (or none, when there never was one): a missing live directory is replaced by the
     * staging one (the crash came between the two renames) or, failing that, by the replaced one; leftover
     * staging and replaced directories are deleted.
     */
    static void recover(Path directory) throws IOException {
        Path staging = staging(directory);
        Path replaced = replaced(directory);
        if (!Files.exists(directory)) {
            if (Files.isDirectory(staging)) {
                move(staging, directory);
            } else if (Files.isDirectory(replaced)) {
                move(replaced, directory);
            }
        }
        deleteTree(staging);
        deleteTree(replaced);
    }

    /**
     * Copies the checkpoint in {@code source} to a fresh staging directory beside {@code directory}, and
     * syncs it. {@code skip} (the commit marker) is not copied.
     *
     * <p>SST and blob files are hard-linked when the file system allows it, as RocksDB's own checkpoints
     * do: RocksDB never changes them after writing them, and deletes them by unlinking, so the checkpoint
     * keeps its copy. Every other file (CURRENT, MANIFEST, OPTIONS, WAL) is copied, because RocksDB may
     * append to or replace it.
     */
    static Path stage(Path source, Path directory, String skip, Steps steps) throws IOException {
        Path staging = staging(directory);
        deleteTree(staging);
        Files.createDirectories(staging);
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(staging.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (file.getFileName().toString().equals(skip)) {
                    return FileVisitResult.CONTINUE;
                }
                Path copy = staging.resolve(source.relativize(file).toString());
                if (!immutable(file) || !tryLink(copy, file)) {
                    Files.copy(file, copy);
                    sync(copy);
                }
                steps.reached("copied " + file.getFileName());
                return FileVisitResult.CONTINUE;
            }
        });
        sync(staging);
        return staging;
    }

    /**
     * Makes the complete, checked {@code staging} directory the live {@code directory}: two renames, then
     * the old contents are deleted. The database in {@code directory} must be closed.
     */
    static void switchTo(Path staging, Path directory, Steps steps) throws IOException {
        Path replaced = replaced(directory);
        deleteTree(replaced);
        if (Files.exists(directory)) {
            move(directory, replaced);
        }
        steps.reached("moved the live directory aside");
        move(staging, directory);
        steps.reached("moved the restored directory in");
        deleteTree(replaced);
    }

    /** Forces {@code path} (a file or a directory) to disk; directories too, so renames and links are durable. */
    static void sync(Path path) throws IOException {
        boolean directory = Files.isDirectory(path);
        try (FileChannel channel = FileChannel.open(path,
                directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            if (!directory) {
                throw e;
            }
            // Some platforms cannot open a directory for syncing; the rename is still atomic there.
        }
    }

    /** Deletes {@code root} and everything under it, if it exists. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Renames {@code from} to {@code to} atomically, then syncs their parent so the rename is durable. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename `" + from + "` to `" + to + "` atomically", e);
        }
        sync(to.toAbsolutePath().getParent());
    }

    private static boolean immutable(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".sst") || name.endsWith(".blob");
    }

    private static boolean tryLink(Path link, Path existing) {
        try {
            Files.createLink(link, existing);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            // Another file system or no hard-link support: the caller falls back to a copy.
            return false;
        }
    }
}
