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
 * <p><b>Store identities.</b> A backend treats store names as opaque: the same name always reaches the same
 * data, different names never share any. Isolation between operators is the runner's part: it opens an
 * operator's stores under {@link StoreNames#namespaced} identities and shared ones under
 * {@link StoreNames#shared}, unless the backend {@linkplain #scopedToOneOperator() belongs to one operator}.
 * Stores written before namespaces existed keep their bare names; {@link #openMigrating} carries them over.
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

    /**
     * Opens store {@code name} as {@link #openStore} does, but first, when that store has never been
     * created and a store {@code legacyName} exists, gives it a copy of every entry of {@code legacyName}.
     * This is how stores written under bare names, before the runner namespaced them, carry over: the runner
     * passes the identity as {@code name} and the bare name as {@code legacyName}.
     *
     * <p>The copy is complete or absent: a crash while it is made leaves {@code name} not created, so the
     * next open copies again. {@code legacyName} is only read; it stays as it was (so several operators
     * that shared it before each get their own copy, and a rollback to the previous release still finds
     * it). Once {@code name} exists, {@code legacyName} is never looked at again.
     *
     * <p>The default opens {@code name} and copies nothing: right for a backend that never held bare-named
     * stores. Both shipped backends override it.
     *
     * @throws SdkException as {@link #openStore}; {@code STORE_IO} when the copy fails (nothing is created)
     */
    default Store openMigrating(String name, String legacyName) {
        return openStore(name);
    }

    /**
     * Whether this backend instance belongs to exactly one operator, so that no other operator can reach its
     * stores whatever the names: then the runner opens stores under their bare names and does not namespace
     * them. Flink's keyed state is scoped to its operator this way. Default {@code false}: a backend may be
     * shared by many runners.
     */
    default boolean scopedToOneOperator() {
        return false;
    }

    /** Closes every open store and iterator, then frees the backend's resources. Idempotent. */
    @Override
    void close();
}
