package io.fssdk.api.state;

/**
 * Turns values into bytes for a {@link io.fssdk.api.Store} and back.
 *
 * <p>A codec is <em>order-preserving</em> when comparing two encodings as unsigned bytes gives the same
 * order as comparing the values; map keys and priority-queue elements need one, and {@link States} checks
 * it when the state is built. {@link Codecs} has ordered codecs for the primitive types, strings and tuples.
 *
 * <p>Codecs are stateless and thread-safe. {@link #decode} of bytes that {@link #encode} did not produce
 * may throw any {@link RuntimeException}; typed state reports it as {@code STORE_INTERNAL}, naming the state.
 *
 * @param <T> the value type
 */
public interface Codec<T> {
    /** The bytes of {@code value} (never null; a fresh array the caller may keep). */
    byte[] encode(T value);

    /** The value {@code bytes} encode. */
    T decode(byte[] bytes);

    /** Whether unsigned byte order of encodings is the order of the values. */
    boolean isOrderPreserving();
}
