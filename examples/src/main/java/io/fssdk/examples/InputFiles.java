package io.fssdk.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that a file given on the command line can be read, and says why not in words a newcomer can
 * act on: "no such file", "is a directory", "not readable" (not {@code from file X: X}, the bare path a
 * {@code NoSuchFileException} carries).
 */
final class InputFiles {
    private InputFiles() {
    }

    /**
     * Does nothing for {@code null} (the option was not given).
     *
     * @throws CliException a usage error naming the option, the file and the reason
     */
    static void checkReadable(String option, Path file) {
        if (file == null) {
            return;
        }
        String reason = null;
        if (!Files.exists(file)) {
            reason = "no such file";
        } else if (Files.isDirectory(file)) {
            reason = "is a directory";
        } else if (!Files.isReadable(file)) {
            reason = "not readable";
        }
        if (reason != null) {
            throw CliException.usage(option + " " + file + ": " + reason);
        }
    }
}
