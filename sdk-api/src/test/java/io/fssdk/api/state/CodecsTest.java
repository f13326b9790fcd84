package io.fssdk.api.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every ordered codec round-trips and sorts its encodings like its values; bad bytes are refused. */
class CodecsTest {
    static Stream<Arguments> orderedCodecs() {
        Random random = new Random(1);
        List<Long> longs = new ArrayList<>(List.of(Long.MIN_VALUE, -1L, 0L, 1L, 255L, 256L, Long.MAX_VALUE));
        List<Integer> ints = new ArrayList<>(List.of(Integer.MIN_VALUE, -65536, -1, 0, 1, 127, 128, Integer.MAX_VALUE));
        List<Short> shorts = new ArrayList<>(List.of(Short.MIN_VALUE, (short) -1, (short) 0, (short) 1, Short.MAX_VALUE));
        List<Double> doubles = new ArrayList<>(List.of(Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1.5, -Double.MIN_VALUE,
                -0.0, 0.0, Double.MIN_VALUE, 1.0, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN));
        List<Float> floats = new ArrayList<>(List.of(Float.NEGATIVE_INFINITY, -3.5f, -Float.MIN_VALUE, -0.0f, 0.0f,
                Float.MIN_VALUE, 2.25f, Float.POSITIVE_INFINITY, Float.NaN));
        List<String> strings = new ArrayList<>(List.of("", "\u0000", "\u0000\u0000", "\u0001", "a", "a\u0000", "a\u0000b",
                "ab", "b", "\u00e9", "\uFFFD", "\uD83D\uDE00"));
        for (int i = 0; i < 200; i++) {
            longs.add(random.nextLong());
            ints.add(random.nextInt());
            doubles.add(random.nextGaussian() * 1e6);
            floats.add((float) random.nextGaussian());
        }
        return Stream.of(
                Arguments.of("longs", Codecs.longs(), longs, Comparator.<Long>naturalOrder()),
                Arguments.of("ints", Codecs.ints(), ints, Comparator.<Integer>naturalOrder()),
                Arguments.of("shorts", Codecs.shorts(), shorts, Comparator.<Short>naturalOrder()),
                Arguments.of("doubles", Codecs.doubles(), doubles, (Comparator<Double>) Double::compare),
                Arguments.of("floats", Codecs.floats(), floats, (Comparator<Float>) Float::compare),
                Arguments.of("booleans", Codecs.booleans(), List.of(true, false), Comparator.<Boolean>naturalOrder()),
                // Code point order, which is the order of the UTF-8 bytes.
                Arguments.of("strings", Codecs.strings(), strings,
                        Comparator.comparing((String s) -> s.codePoints().toArray(), Arrays::compare)),
                Arguments.of("tuples", Codecs.tuple(Codecs.strings(), Codecs.byteArrays(), Codecs.ints()),
                        List.of(new Tuple3<>("a", new byte[] {0}, 1), new Tuple3<>("a", new byte[] {}, 5),
                                new Tuple3<>("a", new byte[] {0, 0}, -1), new Tuple3<>("", new byte[] {9}, 0),
                                new Tuple3<>("a", new byte[] {1}, Integer.MIN_VALUE)),
                        Comparator.comparing((Tuple3<String, byte[], Integer> t) -> t.first())
                                .thenComparing(Tuple3::second, Arrays::compareUnsigned)
                                .thenComparing(Tuple3::third)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orderedCodecs")
    <T> void roundTripsAndKeepsOrder(String name, Codec<T> codec, List<T> values, Comparator<T> order) {
        assertTrue(codec.isOrderPreserving());
        for (T a : values) {
            byte[] ea = codec.encode(a);
            T back = codec.decode(ea);
            assertEquals(0, order.compare(a, back), () -> name + ": " + a + " round-trips");
            for (T b : values) {
                int expected = Integer.signum(order.compare(a, b));
                assertEquals(expected, Integer.signum(Arrays.compareUnsigned(ea, codec.encode(b))),
                        () -> name + ": order of " + a + " and " + b);
            }
        }
    }

    @Test
    void negativeZeroAndNanSurvive() {
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Codecs.doubles().decode(
                Codecs.doubles().encode(-0.0))));
        assertTrue(Codecs.doubles().decode(Codecs.doubles().encode(Double.NaN)).isNaN());
        assertTrue(Codecs.floats().decode(Codecs.floats().encode(Float.NaN)).isNaN());
    }

    @Test
    void stringsAreTerminatedUtf8() {
        assertArrayEquals(new byte[] {'h', 'i', 0, 1}, Codecs.strings().encode("hi"));
        assertArrayEquals(new byte[] {0, (byte) 0xFF, 0, 1}, Codecs.strings().encode("\u0000"));
        assertArrayEquals(new byte[] {0, 1}, Codecs.strings().encode(""));
    }

    @Test
    void badBytesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Codecs.longs().decode(new byte[7]));
        assertThrows(IllegalArgumentException.class, () -> Codecs.ints().decode(new byte[5]));
        assertThrows(IllegalArgumentException.class, () -> Codecs.booleans().decode(new byte[] {2}));
        assertThrows(IllegalArgumentException.class, () -> Codecs.strings().decode(new byte[] {'a'}));
        assertThrows(IllegalArgumentException.class, () -> Codecs.strings().decode(new byte[] {'a', 0, 1, 'b'}));
        assertThrows(IllegalArgumentException.class, () -> Codecs.strings().decode(new byte[] {'a', 0, 7, 0, 1}));
        Codec<Tuple2<Long, String>> pair = Codecs.tuple(Codecs.longs(), Codecs.strings());
        assertThrows(IllegalArgumentException.class, () -> pair.decode(new byte[] {1, 2, 3}));
        byte[] ok = pair.encode(new Tuple2<>(1L, "x"));
        assertEquals(new Tuple2<>(1L, "x"), pair.decode(ok));
        byte[] trailing = Arrays.copyOf(ok, ok.length + 1);
        assertThrows(IllegalArgumentException.class, () -> pair.decode(trailing));
    }

    @Test
    void mappedCodecsAreOrderedOnlyWhenSaid() {
        Codec<java.time.Instant> instants = Codecs.map(Codecs.longs(), java.time.Instant::toEpochMilli,
                java.time.Instant::ofEpochMilli, true);
        assertTrue(instants.isOrderPreserving());
        assertEquals(java.time.Instant.ofEpochMilli(5), instants.decode(instants.encode(java.time.Instant.ofEpochMilli(5))));
        assertFalse(Codecs.map(Codecs.longs(), (String s) -> (long) s.hashCode(), l -> "", false).isOrderPreserving());
    }
}
