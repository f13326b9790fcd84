package io.fssdk.api.spi;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.internal.ComplexKeyParts;
import java.util.Arrays;

/**
 * The storage encoding shared by every backend.
 *
 * <p>A store's entries live in one flat, unsigned-byte-ordered key space, split in two by a leading tag:
 * <ul>
 *   <li>{@value #BYTE_SPACE} + key: a byte key ({@code putState} …);</li>
 *   <li>{@value #COMPLEX_SPACE} + part(keyGroup) + part(key) + part(namespace) + userKey: a complex key.</li>
 * </ul>
 * {@code part(p)} writes {@code p} with every 0x00 escaped as 0x00 0xFF and ends it with 0x00 0x01. The
 * terminator sorts below every escaped or ordinary byte, so the encoding is unambiguous
 * ({@code ("a","bc")} and {@code ("ab","c")} differ at the first terminator), a part is never a prefix of
 * a longer part's encoding (a scan of key "u1" stops before "u10"), and parts keep their unsigned order.
 * The user key comes last and raw, so user keys of one namespace sort by unsigned bytes and a user-key
 * prefix is a storage-key prefix.
 *
 * <p>All methods are pure and allocate exactly their result.
 */
public final class KeyCodec {
    /** Tag of the byte-key space. */
    public static final byte BYTE_SPACE = 0x01;
    /** Tag of the complex-key space. */
    public static final byte COMPLEX_SPACE = 0x02;

    private static final byte[] BYTE_SPACE_END = {BYTE_SPACE + 1};

    private KeyCodec() {
    }

    /** The storage key of byte key {@code key}. */
    public static byte[] byteKey(byte[] key) {
        byte[] out = new byte[key.length + 1];
        out[0] = BYTE_SPACE;
        System.arraycopy(key, 0, out, 1, key.length);
        return out;
    }

    /** The storage key at which a byte-key range starting at {@code startInclusive} begins. */
    public static byte[] byteRangeStart(byte[] startInclusive) {
        return byteKey(startInclusive);
    }

    /**
     * The exclusive storage end of a byte-key range; an empty {@code endExclusive} means the end of the
     * byte-key space.
     */
    public static byte[] byteRangeEnd(byte[] endExclusive) {
        return endExclusive.length == 0 ? BYTE_SPACE_END.clone() : byteKey(endExclusive);
    }

    /** The byte key stored under {@code storageKey}, which must be in the byte-key space. */
    public static byte[] byteKeyOf(byte[] storageKey) {
        return Arrays.copyOfRange(storageKey, 1, storageKey.length);
    }

    /** The storage key of {@code key}: what backends store a complex key under. */
    public static byte[] complexKey(ComplexKey key) {
        ComplexKeyParts p = ComplexKeyParts.get();
        return complexKey(p.keyGroup(key), p.key(key), p.namespace(key), p.userKey(key));
    }

    /**
     * The storage prefix of {@code key}'s (keyGroup, key, namespace), under which every user key of that
     * namespace is stored.
     */
    public static byte[] complexPrefix(ComplexKey key) {
        ComplexKeyParts p = ComplexKeyParts.get();
        return complexPrefix(p.keyGroup(key), p.key(key), p.namespace(key));
    }

    /** The storage prefix shared by every user key under (keyGroup, key, namespace). */
    public static byte[] complexPrefix(byte[] keyGroup, byte[] key, byte[] namespace) {
        return complexKey(keyGroup, key, namespace, EMPTY);
    }

    /** The storage key of the complex key (keyGroup, key, namespace, userKey). */
    public static byte[] complexKey(byte[] keyGroup, byte[] key, byte[] namespace, byte[] userKey) {
        int size = 1 + partSize(keyGroup) + partSize(key) + partSize(namespace) + userKey.length;
        byte[] out = new byte[size];
        out[0] = COMPLEX_SPACE;
        int at = writePart(out, 1, keyGroup);
        at = writePart(out, at, key);
        at = writePart(out, at, namespace);
        System.arraycopy(userKey, 0, out, at, userKey.length);
        return out;
    }

    /**
     * The smallest storage key greater than every key that starts with {@code prefix}, used as the
     * exclusive end of a prefix range. Every prefix this class makes starts with a tag below 0xFF, so an
     * end always exists for them; for an all-0xFF (or empty) prefix this returns an empty array, meaning
     * "no upper bound".
     */
    public static byte[] prefixEnd(byte[] prefix) {
        int last = prefix.length - 1;
        while (last >= 0 && prefix[last] == (byte) 0xFF) {
            last--;
        }
        if (last < 0) {
            return EMPTY;
        }
        byte[] out = Arrays.copyOf(prefix, last + 1);
        out[last]++;
        return out;
    }

    /** Appends {@code suffix} to {@code prefix}. */
    public static byte[] concat(byte[] prefix, byte[] suffix) {
        byte[] out = Arrays.copyOf(prefix, prefix.length + suffix.length);
        System.arraycopy(suffix, 0, out, prefix.length, suffix.length);
        return out;
    }

    /** Unsigned lexicographic comparison, the order of every backend. */
    public static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    /** A short printable form for messages: ASCII as is, other bytes as {@code \xNN}, long keys cut. */
    public static String printable(byte[] bytes) {
        StringBuilder sb = new StringBuilder("\"");
        int n = Math.min(bytes.length, 64);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\') {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        if (n < bytes.length) {
            sb.append("…(").append(bytes.length).append(" bytes)");
        }
        return sb.append('"').toString();
    }

    private static final byte[] EMPTY = new byte[0];

    private static int partSize(byte[] part) {
        int zeros = 0;
        for (byte b : part) {
            if (b == 0) {
                zeros++;
            }
        }
        return part.length + zeros + 2;
    }

    private static int writePart(byte[] out, int at, byte[] part) {
        for (byte b : part) {
            out[at++] = b;
            if (b == 0) {
                out[at++] = (byte) 0xFF;
            }
        }
        out[at++] = 0x00;
        out[at++] = 0x01;
        return at;
    }
}
