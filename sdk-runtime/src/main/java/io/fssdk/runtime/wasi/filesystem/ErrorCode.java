package io.fssdk.runtime.wasi.filesystem;

import io.fssdk.runtime.component.WitValue;
import java.util.Locale;

/**
 * {@code enum error-code} of <a href="https://github.com/WebAssembly/wasi-filesystem/blob/v0.2.0/wit/types.wit">
 * {@code wasi:filesystem/types}</a>, in WIT order (the ordinal is the case index the guest sees).
 */
public enum ErrorCode {
    /** Permission denied, like {@code EACCES}. */
    ACCESS,
    /** Resource unavailable, or operation would block, like {@code EAGAIN}. */
    WOULD_BLOCK,
    /** Connection already in progress, like {@code EALREADY}. */
    ALREADY,
    /** Bad descriptor, like {@code EBADF}. */
    BAD_DESCRIPTOR,
    /** Device or resource busy, like {@code EBUSY}. */
    BUSY,
    /** Resource deadlock would occur, like {@code EDEADLK}. */
    DEADLOCK,
    /** Storage quota exceeded, like {@code EDQUOT}. */
    QUOTA,
    /** File exists, like {@code EEXIST}. */
    EXIST,
    /** File too large, like {@code EFBIG}. */
    FILE_TOO_LARGE,
    /** Illegal byte sequence, like {@code EILSEQ}. */
    ILLEGAL_BYTE_SEQUENCE,
    /** Operation in progress, like {@code EINPROGRESS}. */
    IN_PROGRESS,
    /** Interrupted function, like {@code EINTR}. */
    INTERRUPTED,
    /** Invalid argument, like {@code EINVAL}. */
    INVALID,
    /** I/O error, like {@code EIO}. */
    IO,
    /** Is a directory, like {@code EISDIR}. */
    IS_DIRECTORY,
    /** Too many levels of symbolic links, like {@code ELOOP}. */
    LOOP,
    /** Too many links, like {@code EMLINK}. */
    TOO_MANY_LINKS,
    /** Message too large, like {@code EMSGSIZE}. */
    MESSAGE_SIZE,
    /** Filename too long, like {@code ENAMETOOLONG}. */
    NAME_TOO_LONG,
    /** No such device, like {@code ENODEV}. */
    NO_DEVICE,
    /** No such file or directory, like {@code ENOENT}. */
    NO_ENTRY,
    /** No locks available, like {@code ENOLCK}. */
    NO_LOCK,
    /** Not enough space, like {@code ENOMEM}. */
    INSUFFICIENT_MEMORY,
    /** No space left on device, like {@code ENOSPC}. */
    INSUFFICIENT_SPACE,
    /** Not a directory, like {@code ENOTDIR}. */
    NOT_DIRECTORY,
    /** Directory not empty, like {@code ENOTEMPTY}. */
    NOT_EMPTY,
    /** State not recoverable, like {@code ENOTRECOVERABLE}. */
    NOT_RECOVERABLE,
    /** Not supported, like {@code ENOTSUP}. */
    UNSUPPORTED,
    /** Inappropriate I/O control operation, like {@code ENOTTY}. */
    NO_TTY,
    /** No such device or address, like {@code ENXIO}. */
    NO_SUCH_DEVICE,
    /** Value too large to be stored, like {@code EOVERFLOW}. */
    OVERFLOW,
    /** Operation not permitted, like {@code EPERM}; also every attempt to leave a preopen. */
    NOT_PERMITTED,
    /** Broken pipe, like {@code EPIPE}. */
    PIPE,
    /** Read-only file system, like {@code EROFS}; every change under a read-only preopen. */
    READ_ONLY,
    /** Invalid seek, like {@code ESPIPE}. */
    INVALID_SEEK,
    /** Text file busy, like {@code ETXTBSY}. */
    TEXT_FILE_BUSY,
    /** Cross-device link, like {@code EXDEV}. */
    CROSS_DEVICE;

    /** The WIT name, e.g. {@code not-permitted}. */
    public String witName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** This case as a value. */
    public WitValue value() {
        return WitValue.enumCase(ordinal());
    }
}
