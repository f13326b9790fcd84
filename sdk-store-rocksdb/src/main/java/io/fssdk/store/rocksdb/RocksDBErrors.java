package io.fssdk.store.rocksdb;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import java.nio.file.Path;

/** Turns RocksDB and file-system failures into {@link SdkException}s that name what failed. */
final class RocksDBErrors {
    private RocksDBErrors() {
    }

    /** A {@code STORE_IO} error of store {@code store} during {@code operation}. */
    static SdkException store(String store, String operation, Exception cause) {
        return new SdkException(ErrorCode.STORE_IO,
                "store `" + store + "`: " + operation + " failed: " + detail(cause), cause);
    }

    /** A {@code STORE_IO} error of the database in {@code directory} during {@code operation}. */
    static SdkException database(Path directory, String operation, Exception cause) {
        return new SdkException(ErrorCode.STORE_IO,
                "rocksdb `" + directory + "`: " + operation + " failed: " + detail(cause), cause);
    }

    /**
     * A failure to open the database. RocksDB reports a directory locked by someone else with a message
     * about its {@code LOCK} file that names neither the cause nor the directory clearly; this says it in
     * words, keeping RocksDB's message at the end.
     */
    static SdkException open(Path directory, Exception cause) {
        String m = detail(cause);
        if (m.contains("lock hold by current process")) {
            return new SdkException(ErrorCode.STORE_IO, "state directory `" + directory
                    + "` is in use by another backend in this process (RocksDB LOCK): " + m, cause);
        }
        if (m.contains("/LOCK")) {
            return new SdkException(ErrorCode.STORE_IO, "state directory `" + directory
                    + "` is in use by another process (RocksDB LOCK): " + m, cause);
        }
        return database(directory, "open", cause);
    }

    /** A {@code RUNTIME_CLOSED} error for something used after close. */
    static SdkException closed(String what) {
        return new SdkException(ErrorCode.RUNTIME_CLOSED, what + " is closed");
    }

    private static String detail(Exception cause) {
        String message = cause.getMessage();
        return message == null || message.isEmpty() ? cause.getClass().getSimpleName() : message;
    }
}
