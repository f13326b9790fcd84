package io.fssdk.runtime.wasi.filesystem;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * The host object behind a {@code descriptor} handle: where it is (a {@link Resolved} path under its
 * preopen) and what it may do. A directory may change its entries exactly when its preopen is writable;
 * a file may read and write as it was opened. A file opened for neither holds no channel.
 */
final class Descriptor {
    /** The {@code descriptor-flags} bits other than read, write and mutate-directory, kept as given. */
    static final int SYNC_FLAGS = 0b11100;

    private final Resolved path;
    private final boolean directory;
    private final boolean read;
    private final boolean write;
    private final int syncFlags;
    private final Optional<SharedChannel> file;

    private Descriptor(Resolved path, boolean directory, boolean read, boolean write, int syncFlags,
            Optional<SharedChannel> file) {
        this.path = path;
        this.directory = directory;
        this.read = read;
        this.write = write;
        this.syncFlags = syncFlags;
        this.file = file;
    }

    /** A directory descriptor. */
    static Descriptor directory(Resolved path) {
        return new Descriptor(path, true, true, false, 0, Optional.empty());
    }

    /** A file descriptor over an open channel (absent when opened for neither reading nor writing). */
    static Descriptor file(Resolved path, boolean read, boolean write, int syncFlags, Optional<FileChannel> channel) {
        return new Descriptor(path, false, read, write, syncFlags, channel.map(SharedChannel::new));
    }

    Resolved path() {
        return path;
    }

    boolean isDirectory() {
        return directory;
    }

    /** Whether the preopen allows changes at all. */
    boolean writableRoot() {
        return !path.root().readOnly();
    }

    /** The {@code descriptor-flags} bit set: read(0), write(1), the sync flags, mutate-directory(5). */
    int flags() {
        if (directory) {
            return 1 | (writableRoot() ? 1 << 5 : 0);
        }
        return (read ? 1 : 0) | (write ? 2 : 0) | syncFlags;
    }

    /** This directory, for an {@code -at} operation; {@code not-directory} for a file. */
    Resolved requireDirectory() throws FsException {
        if (!directory) {
            throw new FsException(ErrorCode.NOT_DIRECTORY);
        }
        return path;
    }

    /** This directory, for an {@code -at} operation that changes it; {@code read-only} under a read-only preopen. */
    Resolved requireMutableDirectory() throws FsException {
        Resolved dir = requireDirectory();
        if (!writableRoot()) {
            throw new FsException(ErrorCode.READ_ONLY);
        }
        return dir;
    }

    /** The open file, to read: {@code is-directory} for a directory, {@code bad-descriptor} unless opened to read. */
    SharedChannel readable() throws FsException {
        return channel(read);
    }

    /** The open file, to write: {@code is-directory} for a directory, {@code bad-descriptor} unless opened to write. */
    SharedChannel writable() throws FsException {
        return channel(write);
    }

    private SharedChannel channel(boolean allowed) throws FsException {
        if (directory) {
            throw new FsException(ErrorCode.IS_DIRECTORY);
        }
        if (!allowed || file.isEmpty()) {
            throw new FsException(ErrorCode.BAD_DESCRIPTOR);
        }
        return file.get();
    }

    /** The open file, if any, whatever it was opened for (to sync it, or size it). */
    Optional<SharedChannel> file() {
        return file;
    }

    /** Lets go of the file when the guest drops the handle; streams made from it keep it open. */
    void close() throws IOException {
        if (file.isPresent()) {
            file.get().release();
        }
    }
}
