package io.fssdk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checkpoint ids for one state directory, and the checkpoints kept. A RocksDB checkpoint id may not be
 * reused, also across runs, so ids continue after the largest one on disk; after each checkpoint only
 * the newest {@code retain} are kept (each is a directory of hard links, but it pins old files).
 */
final class CheckpointIds {
    private final Path directory;
    private final int retain;
    private long next;

    CheckpointIds(Path checkpointDirectory, int retain) {
        this.directory = checkpointDirectory;
        this.retain = retain;
        this.next = existing().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
    }

    /** The checkpoints on disk, newest first. */
    List<Long> newestFirst() {
        List<Long> ids = existing();
        ids.sort(Comparator.reverseOrder());
        return ids;
    }

    /** The directory holding the checkpoints. */
    Path directory() {
        return directory;
    }

    /** The id of the next checkpoint; ids only grow. */
    long next() {
        return next++;
    }

    /** Deletes every checkpoint but the newest {@code retain}. */
    void prune() {
        List<Long> ids = existing();
        ids.sort(Comparator.reverseOrder());
        for (int i = retain; i < ids.size(); i++) {
            deleteTree(directory.resolve(Long.toString(ids.get(i))));
            try {
                Files.deleteIfExists(directory.resolve(ids.get(i) + CommittedPositions.SUFFIX));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete old checkpoint positions " + ids.get(i), e);
            }
        }
    }

    private List<Long> existing() {
        List<Long> ids = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return ids;
        }
        try (Stream<Path> s = Files.list(directory)) {
            s.forEach(p -> {
                String name = p.getFileName().toString();
                if (name.matches("\\d{1,18}")) {
                    ids.add(Long.parseLong(name));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + directory, e);
        }
        return ids;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete old checkpoint " + root, e);
        }
    }
}
