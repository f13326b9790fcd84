package io.fssdk.examples;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prepares {@code --state-dir} before RocksDB sees it, so a bad directory is reported in a sentence
 * ("... is not a directory") rather than as a bare Java exception name ({@code NoSuchFileException}).
 */
final class StateDirectory {
    private StateDirectory() {
    }

    /**
     * Creates the directory (and its parents) when missing, and checks it is a writable directory.
     *
     * @throws CliException a usage error saying what is wrong
     */
    static void prepare(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw CliException.usage("--state-dir " + dir + " is not a directory");
        }
        if (!Files.exists(dir)) {
            // The nearest existing ancestor says why a directory cannot be created under it.
            Path above = dir.toAbsolutePath().getParent();
            while (above != null && !Files.exists(above)) {
                above = above.getParent();
            }
            if (above != null && !Files.isDirectory(above)) {
                throw CliException.usage("cannot create --state-dir " + dir + ": " + above + " is not a directory");
            }
            if (above != null && !Files.isWritable(above)) {
                throw CliException.usage("cannot create --state-dir " + dir + ": " + above + " is not writable");
            }
            try {
                Files.createDirectories(dir);
            } catch (FileAlreadyExistsException e) {
                // A parent is a file: createDirectories names the path it could not create.
                throw CliException.usage("cannot create --state-dir " + dir + ": " + e.getFile() + " is not a directory");
            } catch (AccessDeniedException e) {
                throw CliException.usage("cannot create --state-dir " + dir + ": permission denied for " + e.getFile());
            } catch (IOException e) {
                throw CliException.usage("cannot create --state-dir " + dir + ": " + e.getMessage());
            }
        }
        if (!Files.isWritable(dir)) {
            throw CliException.usage("--state-dir " + dir + " is not writable");
        }
    }
}
