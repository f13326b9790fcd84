package io.fssdk.api;

/**
 * What went wrong, as a stable code. The first eight mirror Function Stream's Go SDK
 * ({@code runtime_invalid_driver} … {@code result_unexpected}); the rest are fssdk-java additions.
 */
public enum ErrorCode {
    /** The driver is missing or not usable, or a lifecycle call was made out of order. */
    RUNTIME_INVALID_DRIVER,
    /** A call needs {@code init} to have completed first. */
    RUNTIME_NOT_INITIALIZED,
    /** A runner, context, store or iterator was used after it was closed. */
    RUNTIME_CLOSED,
    /** A store name is empty or blank. */
    STORE_INVALID_NAME,
    /** A store failed in a way that is not an I/O problem (a bug, a corrupt encoding). */
    STORE_INTERNAL,
    /** A store, checkpoint or entry that must exist does not. */
    STORE_NOT_FOUND,
    /** The storage engine failed to read or write (disk, RocksDB). */
    STORE_IO,
    /** A driver or guest answered with something the contract does not allow. */
    RESULT_UNEXPECTED,
    /** The operator itself failed: a driver threw, or a guest trapped. The cause says why. */
    OPERATOR_FAILED,
    /** A sandboxed operator hit a resource limit (memory cap, call deadline). */
    LIMIT_EXCEEDED,
    /** The configuration given to a runner, backend or operator is invalid. */
    CONFIG_INVALID,
    /** Keyed state was used while no current key was set ({@link Context#currentKey()} is empty). */
    STATE_NO_CURRENT_KEY
}
