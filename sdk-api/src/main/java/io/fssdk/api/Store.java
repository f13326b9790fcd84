package io.fssdk.api;

import java.util.List;
import java.util.Optional;

/**
 * A named key-value store, opened by {@link Context#getOrCreateStore(String)} during any lifecycle step.
 *
 * <p><b>Two key spaces.</b> Byte keys ({@code putState} …) and {@link ComplexKey}s ({@code put} …) live in
 * separate key spaces: the byte key {@code "x"} and any complex key never share an entry.
 *
 * <p><b>Ranges.</b> Ranges are [startInclusive, endExclusive) in unsigned byte order. An <em>empty</em>
 * {@code endExclusive} means "no upper bound"; an empty {@code startInclusive} means "from the first key".
 *
 * <p><b>Copies.</b> Every array passed in or returned is copied: a caller may reuse its buffers, and
 * nothing a caller does to a returned array changes the store.
 *
 * <p><b>Errors.</b> Every method throws {@link SdkException}: {@code RUNTIME_CLOSED} once the store (or
 * its backend) is closed, {@code STORE_IO} when the storage engine fails (the message names the store),
 * and {@code NullPointerException} for null arguments.
 *
 * <p>A store is used by one operator thread at a time; it is not meant for concurrent writers.
 */
public interface Store extends AutoCloseable {
    /** The store's name, trimmed. */
    String name();

    /** Sets a byte key to a value, replacing any old value. */
    void putState(byte[] key, byte[] value);

    /** The value of a byte key, or empty when it is absent. */
    Optional<byte[]> getState(byte[] key);

    /** Removes a byte key; removing an absent key is not an error. */
    void deleteState(byte[] key);

    /**
     * The byte keys in [startInclusive, endExclusive), in unsigned byte order. An empty
     * {@code endExclusive} means no upper bound. Complex keys are never listed here.
     */
    List<byte[]> listStates(byte[] startInclusive, byte[] endExclusive);

    /** Sets a complex key to a value, replacing any old value. */
    void put(ComplexKey key, byte[] value);

    /** The value of a complex key, or empty when it is absent. */
    Optional<byte[]> get(ComplexKey key);

    /** Removes a complex key; removing an absent key is not an error. */
    void delete(ComplexKey key);

    /**
     * Appends {@code value} to the bytes stored under {@code key}; an absent key counts as empty, so the
     * first merge stores {@code value} itself. (Function Stream implements merge as put; we do not.)
     */
    void merge(ComplexKey key, byte[] value);

    /**
     * Removes every entry under (keyGroup, key, namespace) of {@code key} whose user key starts with
     * {@code key.userKey()}. An empty user key removes the whole namespace. Other namespaces, keys and
     * key groups are untouched, however their bytes compare.
     */
    void deletePrefix(ComplexKey key);

    /**
     * The user keys under (keyGroup, key, namespace) in [startInclusive, endExclusive), in unsigned byte
     * order. An empty {@code endExclusive} means no upper bound. The result holds user keys only, not
     * storage keys.
     */
    List<byte[]> listComplex(byte[] keyGroup, byte[] key, byte[] namespace, byte[] startInclusive,
            byte[] endExclusive);

    /**
     * Streams every (userKey, value) under (keyGroup, key, namespace), in unsigned byte order of user keys,
     * from a snapshot taken now. The caller closes the iterator; closing the store closes it as well.
     */
    StoreIterator scanComplex(byte[] keyGroup, byte[] key, byte[] namespace);

    /**
     * Closes this store handle and then every iterator it opened. Data stays in the backend. Idempotent.
     */
    @Override
    void close();
}
