package io.fssdk.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyCodecTest {
    // Bytes around every boundary of the encoding: the escape (0x00, 0xFF), the terminator's second byte
    // (0x01), and the signed/unsigned edge (0x7F, 0x80). Short parts make prefixes of each other common.
    private static final byte[] ALPHABET = {0x00, 0x01, 0x02, 0x7F, (byte) 0x80, (byte) 0xFE, (byte) 0xFF, 'a'};

    @Test
    void encodedOrderIsTupleOrderAndDistinctTuplesNeverCollide() {
        Random random = new Random(20240611);
        List<byte[][]> tuples = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            tuples.add(new byte[][] {part(random), part(random), part(random), part(random)});
        }
        Map<String, byte[][]> seen = new HashMap<>();
        for (byte[][] a : tuples) {
            byte[] encodedA = encode(a);
            byte[][] earlier = seen.putIfAbsent(Arrays.toString(encodedA), a);
            if (earlier != null) {
                assertEquals(0, compareTuples(earlier, a), "two tuples share one encoding");
            }
            for (byte[][] b : tuples) {
                assertEquals(Integer.signum(compareTuples(a, b)), Integer.signum(KeyCodec.compare(encodedA, encode(b))),
                        () -> "order differs for " + show(a) + " and " + show(b));
            }
        }
    }

    @Test
    void partBoundariesNeverRunTogether() {
        byte[] a = KeyCodec.complexKey(bytes("a"), bytes("bc"), bytes(""), bytes(""));
        byte[] b = KeyCodec.complexKey(bytes("ab"), bytes("c"), bytes(""), bytes(""));
        assertFalse(Arrays.equals(a, b));
        byte[] u1 = KeyCodec.complexPrefix(bytes("g"), bytes("u1"), bytes("n"));
        byte[] u10 = KeyCodec.complexKey(bytes("g"), bytes("u10"), bytes("n"), bytes(""));
        assertFalse(startsWith(u10, u1), "key u10 must not fall under the prefix of key u1");
        assertTrue(KeyCodec.compare(u10, KeyCodec.prefixEnd(u1)) >= 0);
    }

    @Test
    void complexPrefixIsAPrefixOfEveryKeyUnderIt() {
        byte[] prefix = KeyCodec.complexPrefix(new byte[] {0}, new byte[] {0, (byte) 0xFF}, new byte[0]);
        byte[] key = KeyCodec.complexKey(new byte[] {0}, new byte[] {0, (byte) 0xFF}, new byte[0], new byte[] {(byte) 0xFF, 0});
        assertTrue(startsWith(key, prefix));
        assertTrue(KeyCodec.compare(key, KeyCodec.prefixEnd(prefix)) < 0);
        assertArrayEquals(new byte[] {(byte) 0xFF, 0}, Arrays.copyOfRange(key, prefix.length, key.length));
    }

    @Test
    void byteKeysAndComplexKeysLiveInSeparateSpaces() {
        byte[] highestByteKey = KeyCodec.byteKey(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        byte[] lowestComplexKey = KeyCodec.complexKey(new byte[0], new byte[0], new byte[0], new byte[0]);
        assertEquals(KeyCodec.BYTE_SPACE, highestByteKey[0]);
        assertEquals(KeyCodec.COMPLEX_SPACE, lowestComplexKey[0]);
        byte[] byteSpaceEnd = KeyCodec.byteRangeEnd(new byte[0]);
        assertTrue(KeyCodec.compare(highestByteKey, byteSpaceEnd) < 0);
        assertTrue(KeyCodec.compare(lowestComplexKey, byteSpaceEnd) >= 0);
        assertNotEquals(0, KeyCodec.compare(KeyCodec.byteKey(lowestComplexKey), lowestComplexKey));
    }

    @Test
    void byteKeysRoundTripAndKeepUnsignedOrder() {
        byte[] key = {0x7F, (byte) 0x80, 0};
        assertArrayEquals(key, KeyCodec.byteKeyOf(KeyCodec.byteKey(key)));
        assertArrayEquals(KeyCodec.byteKey(key), KeyCodec.byteRangeStart(key));
        assertArrayEquals(KeyCodec.byteKey(key), KeyCodec.byteRangeEnd(key));
        assertTrue(KeyCodec.compare(KeyCodec.byteKey(new byte[] {0x7F}), KeyCodec.byteKey(new byte[] {(byte) 0x80})) < 0);
        assertArrayEquals(new byte[] {KeyCodec.BYTE_SPACE}, KeyCodec.byteKey(new byte[0]));
    }

    @Test
    void prefixEndIsTheSmallestKeyAboveThePrefix() {
        // Table: prefix -> expected end. Trailing 0xFF bytes carry; an all-0xFF or empty prefix has no end.
        byte[][][] table = {
            {{1, 2, 3}, {1, 2, 4}},
            {{1, (byte) 0xFF}, {2}},
            {{1, 0x7F}, {1, (byte) 0x80}},
            {{0, (byte) 0xFF, (byte) 0xFF}, {1}},
            {{(byte) 0xFF, (byte) 0xFF}, {}},
            {{}, {}},
        };
        for (byte[][] row : table) {
            assertArrayEquals(row[1], KeyCodec.prefixEnd(row[0]), () -> Arrays.toString(row[0]));
        }
        byte[] input = {1, 2};
        KeyCodec.prefixEnd(input);
        assertArrayEquals(new byte[] {1, 2}, input, "prefixEnd must not change its argument");
    }

    @Test
    void concatAndPrintable() {
        assertArrayEquals(new byte[] {1, 2, 3}, KeyCodec.concat(new byte[] {1}, new byte[] {2, 3}));
        assertEquals("\"a\\x00\\xff\\x22\"", KeyCodec.printable(new byte[] {'a', 0, (byte) 0xFF, '"'}));
        assertTrue(KeyCodec.printable(new byte[100]).endsWith("…(100 bytes)\""));
    }

    private static byte[] encode(byte[][] t) {
        return KeyCodec.complexKey(t[0], t[1], t[2], t[3]);
    }

    private static int compareTuples(byte[][] a, byte[][] b) {
        for (int i = 0; i < 4; i++) {
            int c = Arrays.compareUnsigned(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static byte[] part(Random random) {
        byte[] out = new byte[random.nextInt(4)];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return out;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String show(byte[][] t) {
        StringBuilder sb = new StringBuilder("(");
        for (byte[] p : t) {
            sb.append(KeyCodec.printable(p)).append(' ');
        }
        return sb.append(')').toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
