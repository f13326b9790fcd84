package io.fssdk.api;

/**
 * The SPI a state store implements: where {@link Store}s live and how they are checkpointed. fssdk-java
 * ships an in-memory backend ({@code io.fssdk.runtime.InMemoryStateBackend}) and a RocksDB one
 * ({@code io.fssdk.store.rocksdb.RocksDBStateBackend}); both pass the same conformance suite.
 *
 * <p>Backends store a store's entries under the encodings of {@link io.fssdk.api.spi.KeyCodec}, which
 * keeps byte keys and complex keys apart and complex keys unambiguous.
 *
 * <p>A backend is thread-safe: many stores may be used from many threads, each store by one thread at a
 * time. Every method throws {@link SdkException} with {@link ErrorCode#RUNTIME_CLOSED} after
 * {@link #close()}.
 */
public interface StateBackend extends AutoCloseable {
    /**
     * Opens a handle on the store with this name, creating it if needed. The name is trimmed; the same
     * name always reaches the same data.
     *
     * @throws SdkException {@code STORE_INVALID_NAME} for a null, empty or blank name; {@code STORE_IO}
     *     when the storage engine fails
     */
    Store openStore(String name);

    /**
     * Takes a durable, consistent checkpoint of every store under this id.
     *
     * @throws SdkException {@code STORE_IO} when it cannot be written, {@code CONFIG_INVALID} when the id
     *     was already used
     */
    void checkpoint(long checkpointId);

    /**
     * Rolls every store back to the checkpoint with this id. Open store handles and iterators are
     * closed first; open new ones afterwards.
     *
     * @throws SdkException {@code STORE_NOT_FOUND} when there is no such checkpoint, {@code STORE_IO}
     *     when it cannot be read
     */
    void restore(long checkpointId);

    /** Closes every open store and iterator, then frees the backend's resources. Idempotent. */
    @Override
    void close();
}
