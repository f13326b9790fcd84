package io.fssdk.store.rocksdb;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** File-system steps of restoring a database from a checkpoint directory. */
final class RocksDBFiles {
    private RocksDBFiles() {
    }

    /** Whether {@code directory} holds a RocksDB database (or checkpoint): it has a {@code CURRENT} file. */
    static boolean isDatabase(Path directory) {
        return Files.isRegularFile(directory.resolve("CURRENT"));
    }

    /**
     * Replaces the contents of {@code target} with a copy of the checkpoint in {@code source}, which is
     * left untouched.
     *
     * <p>SST and blob files are hard-linked when the file system allows it, as RocksDB's own checkpoints
     * do: RocksDB never changes them after writing them, and deletes them by unlinking, so the checkpoint
     * keeps its copy. Every other file (CURRENT, MANIFEST, OPTIONS, WAL) is copied, because RocksDB may
     * append to or replace it.
     */
    static void replaceWithCopy(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        deleteContents(target);
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(file).toString());
                if (!immutable(file) || !tryLink(copy, file)) {
                    Files.copy(file, copy);
                }
                return FileVisitResult.CONTINUE;
            }
        });
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

    private static void deleteContents(Path directory) throws IOException {
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
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
                if (!dir.equals(directory)) {
                    Files.delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
