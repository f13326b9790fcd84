package io.fssdk.api.spi;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;

/**
 * The SPI a state store implements: where {@link Store}s live. fssdk-java ships an in-memory backend
 * ({@code io.fssdk.runtime.memory.InMemoryStateBackend}) and a RocksDB one
 * ({@code io.fssdk.store.rocksdb.RocksDBStateBackend}); both pass the same conformance suite (the
 * {@code sdk-runtime} test-jar's {@code io.fssdk.runtime.testing.StoreConformanceTest}).
 *
 * <p>Opening stores is all a backend must do. Durable checkpoints are a separate capability,
 * {@link CheckpointingStateBackend}, so that a backend whose state is checkpointed by someone else (Flink's
 * keyed state, for one) does not have to fake them.
 *
 * <p>Backends store a store's entries under the encodings of {@link KeyCodec}, which keeps byte keys and
 * complex keys apart and complex keys unambiguous, and normalise store names with {@link StoreNames}.
 *
 * <p>A backend is thread-safe: many stores may be used from many threads, each store by one thread at a
 * time. Every method throws {@link SdkException} with {@link ErrorCode#RUNTIME_CLOSED} after
 * {@link #close()}.
 */
public interface StateBackend extends AutoCloseable {
    /**
     * Opens a handle on the store with this name, creating it if needed. The name is normalised by
     * {@link StoreNames#normalize}; the same name always reaches the same data.
     *
     * @throws SdkException {@code STORE_INVALID_NAME} for a null, empty or blank name; {@code STORE_IO}
     *     when the storage engine fails
     */
    Store openStore(String name);

    /** Closes every open store and iterator, then frees the backend's resources. Idempotent. */
    @Override
    void close();
}
