package io.fssdk.api.state;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The built-in codecs. Every one here is order-preserving (see {@link Codec#isOrderPreserving()}):
 * <ul>
 *   <li>signed integers: big-endian with the sign bit flipped, so negative numbers sort first;</li>
 *   <li>floating point: the IEEE bits, all flipped for negative numbers and only the sign bit for the
 *       others, which orders like {@link Double#compare} ({@code -0.0 < 0.0}, NaN last);</li>
 *   <li>strings: UTF-8 with 0x00 escaped and a terminator, ordered by code point;</li>
 *   <li>byte arrays: as they are, in unsigned order;</li>
 *   <li>tuples: lexicographic, ordered when every element's codec is.</li>
 * </ul>
 * For POJOs and records, the runtime has a Jackson codec ({@code io.fssdk.runtime.state.JacksonCodec}),
 * which is not ordered. {@link #map} adapts a codec to another type.
 */
public final class Codecs {
    private static final FixedWidthCodec<Long> LONGS = new FixedWidthCodec<>("longs", 8,
            (v, out, at) -> Bytes.putOrderedLong(out, at, v), Bytes::getOrderedLong);
    private static final FixedWidthCodec<Integer> INTS = new FixedWidthCodec<>("ints", 4,
            (v, out, at) -> Bytes.putOrderedInt(out, at, v), Bytes::getOrderedInt);
    private static final FixedWidthCodec<Short> SHORTS = new FixedWidthCodec<>("shorts", 2,
            (v, out, at) -> {
                int u = v ^ 0x8000;
                out[at] = (byte) (u >>> 8);
                out[at + 1] = (byte) u;
            },
            (in, at) -> (short) ((((in[at] & 0xFF) << 8) | (in[at + 1] & 0xFF)) ^ 0x8000));
    private static final FixedWidthCodec<Double> DOUBLES = new FixedWidthCodec<>("doubles", 8,
            (v, out, at) -> Bytes.putLong(out, at, orderedBits(Double.doubleToLongBits(v))),
            (in, at) -> Double.longBitsToDouble(unorderedBits(Bytes.getLong(in, at))));
    private static final FixedWidthCodec<Float> FLOATS = new FixedWidthCodec<>("floats", 4,
            (v, out, at) -> {
                int bits = Float.floatToIntBits(v);
                // Shifted into the long helpers' form and back: same rule as doubles, on 32 bits.
                Bytes.putOrderedInt(out, at, bits < 0 ? ~bits ^ Integer.MIN_VALUE : bits);
            },
            (in, at) -> {
                int r = Bytes.getOrderedInt(in, at);
                return Float.intBitsToFloat(r < 0 ? ~r ^ Integer.MIN_VALUE : r);
            });
    private static final FixedWidthCodec<Boolean> BOOLEANS = new FixedWidthCodec<>("booleans", 1,
            (v, out, at) -> out[at] = (byte) (v ? 1 : 0),
            (in, at) -> {
                if (in[at] != 0 && in[at] != 1) {
                    throw new IllegalArgumentException("booleans codec expects 0 or 1, got " + in[at]);
                }
                return in[at] == 1;
            });

    private Codecs() {
    }

    /** {@code long}s, 8 bytes, ordered. */
    public static Codec<Long> longs() {
        return LONGS;
    }

    /** {@code int}s, 4 bytes, ordered. */
    public static Codec<Integer> ints() {
        return INTS;
    }

    /** {@code short}s, 2 bytes, ordered. */
    public static Codec<Short> shorts() {
        return SHORTS;
    }

    /** {@code double}s, 8 bytes, ordered like {@link Double#compare}. */
    public static Codec<Double> doubles() {
        return DOUBLES;
    }

    /** {@code float}s, 4 bytes, ordered like {@link Float#compare}. */
    public static Codec<Float> floats() {
        return FLOATS;
    }

    /** {@code boolean}s, 1 byte, {@code false} first. */
    public static Codec<Boolean> booleans() {
        return BOOLEANS;
    }

    /** Strings: UTF-8, 0x00 escaped, terminated; ordered by Unicode code point. */
    public static Codec<String> strings() {
        return Utf8Codec.INSTANCE;
    }

    /** Byte arrays as they are, copied; ordered by unsigned bytes. */
    public static Codec<byte[]> byteArrays() {
        return RawBytesCodec.INSTANCE;
    }

    /** Pairs, ordered by {@code first} then {@code second} when both codecs are ordered. */
    public static <A, B> Codec<Tuple2<A, B>> tuple(Codec<A> first, Codec<B> second) {
        TupleParts parts = new TupleParts(List.of(first, second));
        return new Codec<>() {
            @Override
            public byte[] encode(Tuple2<A, B> value) {
                return parts.encode(value.first(), value.second());
            }

            @Override
            @SuppressWarnings("unchecked")
            public Tuple2<A, B> decode(byte[] bytes) {
                Object[] v = parts.decode(bytes);
                return new Tuple2<>((A) v[0], (B) v[1]);
            }

            @Override
            public boolean isOrderPreserving() {
                return parts.ordered();
            }

            @Override
            public String toString() {
                return parts.toString();
            }
        };
    }

    /** Triples, ordered lexicographically when all three codecs are ordered. */
    public static <A, B, C> Codec<Tuple3<A, B, C>> tuple(Codec<A> first, Codec<B> second, Codec<C> third) {
        TupleParts parts = new TupleParts(List.of(first, second, third));
        return new Codec<>() {
            @Override
            public byte[] encode(Tuple3<A, B, C> value) {
                return parts.encode(value.first(), value.second(), value.third());
            }

            @Override
            @SuppressWarnings("unchecked")
            public Tuple3<A, B, C> decode(byte[] bytes) {
                Object[] v = parts.decode(bytes);
                return new Tuple3<>((A) v[0], (B) v[1], (C) v[2]);
            }

            @Override
            public boolean isOrderPreserving() {
                return parts.ordered();
            }

            @Override
            public String toString() {
                return parts.toString();
            }
        };
    }

    /**
     * A codec for {@code U} through {@code codec} and a pair of conversions. It is order-preserving only
     * when {@code ordered} is true, which the caller asserts: {@code to} must then be monotonic.
     */
    public static <T, U> Codec<U> map(Codec<T> codec, Function<U, T> to, Function<T, U> from, boolean ordered) {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        boolean isOrdered = ordered && codec.isOrderPreserving();
        return new Codec<>() {
            @Override
            public byte[] encode(U value) {
                return codec.encode(to.apply(value));
            }

            @Override
            public U decode(byte[] bytes) {
                return from.apply(codec.decode(bytes));
            }

            @Override
            public boolean isOrderPreserving() {
                return isOrdered;
            }
        };
    }

    /** Double bits in an order where unsigned comparison matches {@link Double#compare}. */
    private static long orderedBits(long bits) {
        return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }

    private static long unorderedBits(long ordered) {
        return ordered < 0 ? ordered ^ Long.MIN_VALUE : ~ordered;
    }
}
