package io.fssdk.api.state;

import java.util.Objects;

/**
 * A pair of values, encoded by {@link Codecs#tuple(Codec, Codec)} in lexicographic order: by {@code first},
 * then by {@code second}.
 *
 * @param first the first element
 * @param second the second element
 * @param <A> the first element's type
 * @param <B> the second element's type
 */
public record Tuple2<A, B>(A first, B second) {
    /** Rejects nulls. */
    public Tuple2 {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }
}
