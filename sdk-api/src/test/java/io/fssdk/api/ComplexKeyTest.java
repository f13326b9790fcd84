package io.fssdk.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fssdk.api.spi.KeyCodec;
import org.junit.jupiter.api.Test;

class ComplexKeyTest {
    @Test
    void copiesEveryPartOnTheWayInAndOut() {
        byte[] group = {1};
        byte[] key = {2};
        byte[] namespace = {3};
        byte[] user = {4};
        ComplexKey ck = new ComplexKey(group, key, namespace, user);
        group[0] = 9;
        key[0] = 9;
        namespace[0] = 9;
        user[0] = 9;
        ck.keyGroup()[0] = 8;
        ck.key()[0] = 8;
        ck.namespace()[0] = 8;
        ck.userKey()[0] = 8;
        assertArrayEquals(new byte[] {1}, ck.keyGroup());
        assertArrayEquals(new byte[] {2}, ck.key());
        assertArrayEquals(new byte[] {3}, ck.namespace());
        assertArrayEquals(new byte[] {4}, ck.userKey());
    }

    @Test
    void equalityIsByContent() {
        ComplexKey a = new ComplexKey(new byte[] {1}, new byte[] {2}, new byte[0], new byte[] {4});
        ComplexKey b = new ComplexKey(new byte[] {1}, new byte[] {2}, new byte[0], new byte[] {4});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new ComplexKey(new byte[] {1}, new byte[] {2}, new byte[0], new byte[] {5}));
        // The parts stay apart: moving a byte from one part to the next makes a different key.
        assertNotEquals(new ComplexKey(new byte[] {'a'}, new byte[] {'b', 'c'}, new byte[0], new byte[0]),
                new ComplexKey(new byte[] {'a', 'b'}, new byte[] {'c'}, new byte[0], new byte[0]));
    }

    @Test
    void encodingMatchesTheCodec() {
        ComplexKey ck = new ComplexKey(new byte[] {0}, new byte[] {'k'}, new byte[] {'n'}, new byte[] {(byte) 0xFF});
        assertArrayEquals(KeyCodec.complexKey(new byte[] {0}, new byte[] {'k'}, new byte[] {'n'}, new byte[] {(byte) 0xFF}),
                KeyCodec.complexKey(ck));
        assertArrayEquals(KeyCodec.complexPrefix(new byte[] {0}, new byte[] {'k'}, new byte[] {'n'}), KeyCodec.complexPrefix(ck));
        assertEquals(1, ck.userKeyLength());
    }

    @Test
    void toStringIsPrintable() {
        ComplexKey ck = new ComplexKey(new byte[] {'g'}, new byte[] {'k'}, new byte[] {'n'}, new byte[] {0});
        assertEquals("ComplexKey[keyGroup=\"g\", key=\"k\", namespace=\"n\", userKey=\"\\x00\"]", ck.toString());
    }

    @Test
    void rejectsNullParts() {
        byte[] e = new byte[0];
        assertThrows(NullPointerException.class, () -> new ComplexKey(null, e, e, e));
        assertThrows(NullPointerException.class, () -> new ComplexKey(e, null, e, e));
        assertThrows(NullPointerException.class, () -> new ComplexKey(e, e, null, e));
        assertThrows(NullPointerException.class, () -> new ComplexKey(e, e, e, null));
    }
}
