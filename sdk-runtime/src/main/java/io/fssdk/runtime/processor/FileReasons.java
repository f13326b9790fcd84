package io.fssdk.runtime.processor;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why a file could not be read, in words a newcomer can act on ("no such file", "is a directory", "not
 * readable") instead of the bare name of a Java exception, whose message is often just the path again
 * ({@code NoSuchFileException: x.wasm}).
 */
final class FileReasons {
    private FileReasons() {
    }

    /** The reason {@code file} could not be read, given the exception reading it threw. */
    static String whyUnreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException || Files.notExists(file)) {
            return "no such file";
        }
        if (Files.isDirectory(file)) {
            return "is a directory";
        }
        if (e instanceof AccessDeniedException || !Files.isReadable(file)) {
            return "not readable";
        }
        String m = e.getMessage();
        return m == null || m.equals(file.toString()) ? e.getClass().getSimpleName() : m;
    }
}
