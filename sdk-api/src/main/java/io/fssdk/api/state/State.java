package io.fssdk.api.state;

/**
 * A piece of typed state, built by {@link States}. Every method may throw
 * {@link io.fssdk.api.SdkException}: the store's own errors ({@code RUNTIME_CLOSED}, {@code STORE_IO}),
 * {@code STORE_INTERNAL} when stored bytes cannot be decoded, and, for keyed state without a current key,
 * {@code STATE_NO_CURRENT_KEY}.
 */
public interface State {
    /** Removes the state's value (under the current key and namespace). */
    void clear();
}
