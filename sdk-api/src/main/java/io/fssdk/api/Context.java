package io.fssdk.api;

import java.util.Map;
import java.util.Optional;

/**
 * What an operator sees of its runner. The runner creates one context per operator instance and passes
 * it to every {@link Driver} call.
 *
 * <p>After the runner closes, every method throws {@link SdkException} with
 * {@link ErrorCode#RUNTIME_CLOSED}.
 */
public interface Context {
    /**
     * Emits a record to an output. The bytes are copied before this returns.
     *
     * @param targetId the output index (WIT {@code u32}, bit-for-bit in an {@code int})
     * @throws SdkException {@code RUNTIME_CLOSED} after close
     */
    void emit(int targetId, byte[] data);

    /**
     * Emits a record whose array the caller gives up: the caller must neither read nor write {@code data}
     * afterwards, so the runner may pass it on without the copy {@link #emit} makes. Bindings that build a
     * fresh array per record (e.g. one copied out of a WebAssembly guest's memory) use it to copy each
     * record once instead of twice. The default simply calls {@link #emit}.
     *
     * @param targetId the output index (WIT {@code u32}, bit-for-bit in an {@code int})
     * @throws SdkException {@code RUNTIME_CLOSED} after close
     */
    default void emitOwned(int targetId, byte[] data) {
        emit(targetId, data);
    }

    /**
     * Emits a watermark to an output.
     *
     * @param targetId the output index (WIT {@code u32})
     * @param watermark the watermark (WIT {@code u64}, bit-for-bit in a {@code long})
     * @throws SdkException {@code RUNTIME_CLOSED} after close
     */
    void emitWatermark(int targetId, long watermark);

    /**
     * The store with this name, opened on first use. The name is trimmed; the same name always gives
     * the same store, and different names never share data. The store is this operator's own: the runner
     * keeps it in the operator's namespace on the backend, so another operator asking for the same name
     * gets a different store, unless both runners declare the name shared (see {@code OperatorRunner} and
     * {@link io.fssdk.api.spi.StoreNames}). The runner closes the stores it opened when it closes.
     *
     * @throws SdkException {@code STORE_INVALID_NAME} for an empty or blank name, {@code RUNTIME_CLOSED}
     *     after close, {@code STORE_IO} when the backend cannot open it
     */
    Store getOrCreateStore(String name);

    /**
     * The key of the record being processed, if the embedder or the operator set one with
     * {@link #setCurrentKey}. Keyed state (typed state bound to "the current key", and the Flink adapter,
     * which sets Flink's key before every record) reads it; operators that never key their state never pay
     * for it. The array is the one that was set, not a copy: read it, never write to it.
     *
     * <p>The default, for contexts that do not track keys, is empty.
     *
     * @throws SdkException {@code RUNTIME_CLOSED} after close
     */
    default Optional<byte[]> currentKey() {
        return Optional.empty();
    }

    /**
     * Sets the key of the record being processed, or clears it with {@code null}. It stays set until the
     * next call, across records; an embedder that keys its input (the Flink adapter) sets it before each
     * record. The context keeps the array without copying it: the caller must not modify it afterwards.
     *
     * @throws UnsupportedOperationException when this context does not track keys (the default)
     * @throws SdkException {@code RUNTIME_CLOSED} after close
     */
    default void setCurrentKey(byte[] key) {
        throw new UnsupportedOperationException("this context does not track a current key");
    }

    /**
     * The operator's timer service: event-time and processing-time timers, kept in its state and delivered
     * to {@link TimerDriver#onTimer}. Its processing-time clock is also the clock typed state's TTL reads.
     *
     * @throws UnsupportedOperationException when this context has no timer service (the default)
     * @throws SdkException {@code RUNTIME_CLOSED} after close
     */
    default Timers timers() {
        throw new UnsupportedOperationException("this context has no timer service");
    }

    /** The operator's configuration, as given to {@link Driver#init}; immutable. */
    Map<String, String> config();
}
