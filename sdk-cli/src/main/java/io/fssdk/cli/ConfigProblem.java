package io.fssdk.cli;

import java.util.Objects;

/**
 * One problem found in a function's {@code config.yaml}: the path of the field, in the file's own key
 * names ({@code input-groups[0].inputs[1].topic}), and what is wrong with it. {@code fssdk validate}
 * prints one per line.
 *
 * @param path where in the file, or empty for a problem with the whole file
 * @param message what is wrong, lowercase, without the path
 */
public record ConfigProblem(String path, String message) {
    /** Rejects nulls. */
    public ConfigProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code path: message}, or the message alone for a problem with the whole file. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
