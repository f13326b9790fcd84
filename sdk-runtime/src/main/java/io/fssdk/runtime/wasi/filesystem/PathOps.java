package io.fssdk.runtime.wasi.filesystem;

import io.fssdk.runtime.component.WitValue;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code descriptor} methods that act on a path under a directory descriptor (the {@code -at}
 * methods). Every path goes through {@link PathResolver}; every host call refuses to follow a final
 * symbolic link, because the resolver has already followed it when the guest asked for that.
 */
final class PathOps {
    private final FileOps files;

    PathOps(FileOps files) {
        this.files = files;
    }

    private static Resolved resolve(Descriptor dir, String path, boolean follow) throws FsException {
        return PathResolver.resolve(dir.requireDirectory(), path, follow);
    }

    /** Resolves a path whose last component the operation creates, changes or removes. */
    private static Resolved resolveForChange(Descriptor dir, String path) throws FsException {
        Resolved r = PathResolver.resolve(dir.requireMutableDirectory(), path, false);
        if (r.isRoot()) {
            // The preopen itself is not the guest's to remove, rename or replace.
            throw new FsException(ErrorCode.INVALID);
        }
        return r;
    }

    private static Optional<Map<String, Object>> lstat(Path p) throws IOException {
        try {
            return Optional.of(Stat.attributes(p));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    void createDirectory(Descriptor dir, String path) throws IOException {
        Files.createDirectory(resolveForChange(dir, path).checkedHost());
    }

    WitValue stat(Descriptor dir, boolean follow, String path) throws IOException {
        return Stat.stat(resolve(dir, path, follow).checkedHost());
    }

    WitValue hash(Descriptor dir, boolean follow, String path) throws IOException {
        return Stat.hash(resolve(dir, path, follow).checkedHost());
    }

    void setTimes(Descriptor dir, boolean follow, String path, WitValue access, WitValue modification)
            throws IOException {
        dir.requireMutableDirectory();
        files.setTimes(resolve(dir, path, follow), access, modification);
    }

    void link(Descriptor dir, boolean follow, String oldPath, Descriptor newDir, String newPath) throws IOException {
        Resolved source = resolve(dir, oldPath, follow);
        Resolved target = resolveForChange(newDir, newPath);
        if (!source.root().equals(target.root())) {
            // A link across preopens would let a file of a read-only preopen be written through another.
            throw new FsException(ErrorCode.CROSS_DEVICE);
        }
        Path from = source.checkedHost();
        Path to = target.checkedHost();
        if (Stat.type(Stat.attributes(from)) == 3) {
            throw new FsException(ErrorCode.NOT_PERMITTED);  // no hard links to directories, as in POSIX
        }
        Files.createLink(to, from);
    }

    String readlink(Descriptor dir, String path) throws IOException {
        Path p = resolve(dir, path, false).checkedHost();
        if (Stat.type(Stat.attributes(p)) != 5) {
            throw new FsException(ErrorCode.INVALID);
        }
        String target = Files.readSymbolicLink(p).toString();
        if (target.startsWith("/")) {
            // An absolute target names a host path the guest can neither reach nor should see.
            throw new FsException(ErrorCode.NOT_PERMITTED);
        }
        return target;
    }

    void removeDirectory(Descriptor dir, String path) throws IOException {
        Path p = resolveForChange(dir, path).checkedHost();
        if (Stat.type(Stat.attributes(p)) != 3) {
            throw new FsException(ErrorCode.NOT_DIRECTORY);
        }
        Files.delete(p);
    }

    void unlinkFile(Descriptor dir, String path) throws IOException {
        Path p = resolveForChange(dir, path).checkedHost();
        if (Stat.type(Stat.attributes(p)) == 3) {
            throw new FsException(ErrorCode.IS_DIRECTORY);
        }
        Files.delete(p);
    }

    void rename(Descriptor dir, String oldPath, Descriptor newDir, String newPath) throws IOException {
        Path from = resolveForChange(dir, oldPath).checkedHost();
        Path to = resolveForChange(newDir, newPath).checkedHost();
        // rename(2): atomic, and replaces an existing file as POSIX does.
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    void symlink(Descriptor dir, String target, String path) throws IOException {
        if (target.startsWith("/")) {
            throw new FsException(ErrorCode.NOT_PERMITTED);
        }
        if (target.indexOf('\0') >= 0 || target.isEmpty()) {
            throw new FsException(target.isEmpty() ? ErrorCode.NO_ENTRY : ErrorCode.INVALID);
        }
        // A relative target may point anywhere; following it goes through the resolver, which refuses escapes.
        Files.createSymbolicLink(resolveForChange(dir, path).checkedHost(), Path.of(target));
    }

    /**
     * {@code open-at}. Flag bits: path-flags symlink-follow(0); open-flags create(0), directory(1),
     * exclusive(2), truncate(3); descriptor-flags read(0), write(1), sync flags(2-4), mutate-directory(5).
     */
    Descriptor open(Descriptor dir, boolean follow, String path, int openFlags, int flags) throws IOException {
        boolean create = (openFlags & 1) != 0;
        boolean directory = (openFlags & 2) != 0;
        boolean exclusive = (openFlags & 4) != 0;
        boolean truncate = (openFlags & 8) != 0;
        boolean read = (flags & 1) != 0;
        boolean write = (flags & 2) != 0;
        boolean mutate = (flags & 32) != 0;
        Resolved r = resolve(dir, path, follow);
        Path host = r.checkedHost();
        Optional<Map<String, Object>> existing = lstat(host);
        if (existing.isPresent()) {
            if (create && exclusive) {
                throw new FsException(ErrorCode.EXIST);
            }
            int type = Stat.type(existing.get());
            if (type == 5) {
                throw new FsException(ErrorCode.LOOP);  // O_NOFOLLOW on a symbolic link
            }
            if (type == 3) {
                if (write || truncate) {
                    throw new FsException(ErrorCode.IS_DIRECTORY);
                }
                if (mutate && r.root().readOnly()) {
                    throw new FsException(ErrorCode.READ_ONLY);
                }
                return Descriptor.directory(r);
            }
            if (directory) {
                throw new FsException(ErrorCode.NOT_DIRECTORY);
            }
            if ((write || truncate || mutate) && r.root().readOnly()) {
                throw new FsException(ErrorCode.READ_ONLY);
            }
        } else {
            if (!create) {
                throw new FsException(ErrorCode.NO_ENTRY);
            }
            if (directory) {
                throw new FsException(ErrorCode.INVALID);  // open-at creates files only
            }
            if (r.root().readOnly()) {
                throw new FsException(ErrorCode.READ_ONLY);
            }
            if (r.isRoot()) {
                throw new FsException(ErrorCode.INVALID);
            }
        }
        return Descriptor.file(r, read, write, flags & Descriptor.SYNC_FLAGS,
                channel(host, read, write, existing.isEmpty(), truncate, flags));
    }

    private static Optional<FileChannel> channel(Path host, boolean read, boolean write, boolean create,
            boolean truncate, int flags) throws IOException {
        Set<OpenOption> options = new HashSet<>();
        options.add(LinkOption.NOFOLLOW_LINKS);
        if (read) {
            options.add(StandardOpenOption.READ);
        }
        // Java creates and truncates only through a writable channel; the descriptor still refuses
        // writes unless the guest asked for write.
        if (write || create || truncate) {
            options.add(StandardOpenOption.WRITE);
        }
        if (create) {
            options.add(StandardOpenOption.CREATE_NEW);  // never through a symbolic link planted meanwhile
        }
        if (truncate) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if ((flags & 0b00100) != 0) {
            options.add(StandardOpenOption.SYNC);
        } else if ((flags & 0b01000) != 0) {
            options.add(StandardOpenOption.DSYNC);
        }
        if (options.size() == 1) {
            return Optional.empty();  // neither read nor write: a descriptor for stat and the like
        }
        return Optional.of(FileChannel.open(host, options));
    }
}
