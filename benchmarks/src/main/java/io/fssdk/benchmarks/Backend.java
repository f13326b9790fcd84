package io.fssdk.benchmarks;

import io.fssdk.api.spi.StateBackend;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import io.fssdk.store.rocksdb.RocksDBStateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The state backends a benchmark can run on. */
public enum Backend {
    /** {@link InMemoryStateBackend}. */
    MEMORY,
    /** {@link RocksDBStateBackend} in a fresh temporary directory, deleted again on close. */
    ROCKSDB;

    /** Opens a new, empty backend of this kind; closing the handle closes it and deletes its files. */
    public Opened open() {
        if (this == MEMORY) {
            return new Opened(new InMemoryStateBackend(), Optional.empty());
        }
        try {
            Path dir = Files.createTempDirectory("fssdk-bench-");
            return new Opened(RocksDBStateBackend.open(dir.resolve("db")), Optional.of(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An open backend and the temporary directory it lives in, if any.
     *
     * @param backend the backend
     * @param directory the directory deleted on close; empty in memory
     */
    public record Opened(StateBackend backend, Optional<Path> directory) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            backend.close();
            if (directory.isPresent()) {
                TempFiles.deleteTree(directory.get());
            }
        }
    }
}
