package io.fssdk.runtime.wasi.filesystem;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Map;

/**
 * Maps the host's I/O failures to {@link ErrorCode}s. Java names only some errno values with an exception
 * class; the rest arrive as a {@link FileSystemException} whose reason is the C library's
 * {@code strerror} text, matched here.
 */
final class Errors {
    private static final Map<String, ErrorCode> BY_REASON = Map.ofEntries(
            Map.entry("Not a directory", ErrorCode.NOT_DIRECTORY),
            Map.entry("Is a directory", ErrorCode.IS_DIRECTORY),
            Map.entry("Directory not empty", ErrorCode.NOT_EMPTY),
            Map.entry("Too many levels of symbolic links", ErrorCode.LOOP),
            Map.entry("Operation not permitted", ErrorCode.NOT_PERMITTED),
            Map.entry("Read-only file system", ErrorCode.READ_ONLY),
            Map.entry("Invalid argument", ErrorCode.INVALID),
            Map.entry("No space left on device", ErrorCode.INSUFFICIENT_SPACE),
            Map.entry("File name too long", ErrorCode.NAME_TOO_LONG),
            Map.entry("Invalid cross-device link", ErrorCode.CROSS_DEVICE),
            Map.entry("Too many links", ErrorCode.TOO_MANY_LINKS),
            Map.entry("File too large", ErrorCode.FILE_TOO_LARGE),
            Map.entry("Disk quota exceeded", ErrorCode.QUOTA),
            Map.entry("Device or resource busy", ErrorCode.BUSY),
            Map.entry("Text file busy", ErrorCode.TEXT_FILE_BUSY),
            Map.entry("Illegal seek", ErrorCode.INVALID_SEEK),
            Map.entry("Broken pipe", ErrorCode.PIPE),
            Map.entry("Permission denied", ErrorCode.ACCESS),
            Map.entry("No such file or directory", ErrorCode.NO_ENTRY),
            Map.entry("File exists", ErrorCode.EXIST));

    private Errors() {
    }

    /** The error code for a host failure; {@code io} when nothing more precise is known. */
    static ErrorCode code(Throwable e) {
        if (e instanceof FsException f) {
            return f.code();
        } else if (e instanceof NoSuchFileException) {
            return ErrorCode.NO_ENTRY;
        } else if (e instanceof FileAlreadyExistsException) {
            return ErrorCode.EXIST;
        } else if (e instanceof DirectoryNotEmptyException) {
            return ErrorCode.NOT_EMPTY;
        } else if (e instanceof AccessDeniedException) {
            return ErrorCode.ACCESS;
        } else if (e instanceof NotDirectoryException) {
            return ErrorCode.NOT_DIRECTORY;
        } else if (e instanceof NotLinkException) {
            return ErrorCode.INVALID;
        } else if (e instanceof FileSystemLoopException) {
            return ErrorCode.LOOP;
        } else if (e instanceof ClosedChannelException || e instanceof NonWritableChannelException) {
            return ErrorCode.BAD_DESCRIPTOR;
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            return BY_REASON.getOrDefault(f.getReason(), ErrorCode.IO);
        }
        return ErrorCode.IO;
    }

    /** The failure as an {@link FsException} that names only its code. */
    static FsException wrap(IOException e) {
        return e instanceof FsException f ? f : new FsException(code(e), e);
    }
}
