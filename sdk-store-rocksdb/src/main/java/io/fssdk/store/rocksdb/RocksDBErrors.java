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

    /** A {@code RUNTIME_CLOSED} error for something used after close. */
    static SdkException closed(String what) {
        return new SdkException(ErrorCode.RUNTIME_CLOSED, what + " is closed");
    }

    private static String detail(Exception cause) {
        String message = cause.getMessage();
        return message == null || message.isEmpty() ? cause.getClass().getSimpleName() : message;
    }
}
