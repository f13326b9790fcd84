package io.fssdk.api.state;

import java.util.Objects;

/**
 * A triple of values, encoded by {@link Codecs#tuple(Codec, Codec, Codec)} in lexicographic order.
 *
 * @param first the first element
 * @param second the second element
 * @param third the third element
 * @param <A> the first element's type
 * @param <B> the second element's type
 * @param <C> the third element's type
 */
public record Tuple3<A, B, C>(A first, B second, C third) {
    /** Rejects nulls. */
    public Tuple3 {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(third, "third");
    }
}
