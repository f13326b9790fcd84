package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.TrapException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strings in all three encodings: {@code load_string_from_range} (guest bytes to a Java {@code String},
 * trapping on malformed input) and {@code store_string_into_range} (a Java {@code String} into memory
 * allocated through realloc). A lowered string is returned packed in a {@code long}: pointer in the low
 * 32 bits, tagged code units in the high 32.
 *
 * <p>The spec lets a string's producer pick its source encoding; it then fixes the realloc sequence. A
 * Java host string is taken as UTF-8 when the guest wants UTF-8 (so it is encoded once, allocated at its
 * exact size and copied in one bulk write, the {@code store_string_copy} case) and as UTF-16 otherwise
 * (its native form: {@code store_string_copy} for UTF-16, {@code store_string_to_latin1_or_utf16} for
 * {@code latin1+utf16}, which allocates for Latin-1, and on the first code unit above U+00FF reallocates
 * to the UTF-16 worst case and tags the length).
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#loading">
 *     CanonicalABI.md: loading</a>,
 *     <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#storing">storing</a>
 */
final class Strings {
    /** The spec's {@code utf16_tag} for 32-bit memories. */
    static final int UTF16_TAG = 1 << 31;
    /** The spec's {@code MAX_STRING_BYTE_LENGTH}. */
    static final long MAX_STRING_BYTE_LENGTH = (1L << 28) - 1;

    private Strings() {
    }

    /** Lifts the string at {@code ptr} with {@code taggedCodeUnits}, in the options' encoding. */
    static String lift(CanonicalOptions o, int ptr, int taggedCodeUnits) {
        long units = Integer.toUnsignedLong(taggedCodeUnits);
        return switch (o.encoding()) {
            case UTF8 -> decodeUtf8(read(o, ptr, units, 1));
            case UTF16 -> decodeUtf16(read(o, ptr, 2 * units, 2));
            case LATIN1_UTF16 -> (taggedCodeUnits & UTF16_TAG) != 0
                    ? decodeUtf16(read(o, ptr, 2 * (units & ~Integer.toUnsignedLong(UTF16_TAG)), 2))
                    : new String(read(o, ptr, units, 2), StandardCharsets.ISO_8859_1);
        };
    }

    /** Lowers {@code s}, which must hold scalar values only, and returns the packed (pointer, length). */
    static long lower(CanonicalOptions o, String s) {
        return switch (o.encoding()) {
            case UTF8 -> lowerUtf8(o, s);
            case UTF16 -> lowerUtf16(o, s);
            case LATIN1_UTF16 -> lowerLatin1OrUtf16(o, s);
        };
    }

    /** The spec's {@code store_string_copy} from a UTF-8 source: exact size, one bulk copy. */
    private static long lowerUtf8(CanonicalOptions o, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int ptr = o.allocate(1, b.length);
        o.memory().writeBytes(ptr, b);
        return pack(ptr, b.length);
    }

    /** The spec's {@code store_string_copy} from a UTF-16 source. */
    private static long lowerUtf16(CanonicalOptions o, String s) {
        int ptr = o.allocate(2, 2L * s.length());
        o.memory().writeBytes(ptr, s.getBytes(StandardCharsets.UTF_16LE));
        return pack(ptr, s.length());
    }

    /** The spec's {@code store_string_to_latin1_or_utf16}, for a UTF-16 source. */
    private static long lowerLatin1OrUtf16(CanonicalOptions o, String s) {
        GuestMemory m = o.memory();
        int n = s.length();
        int ptr = o.allocate(2, n);
        int wide = firstAboveLatin1(s);
        if (wide < 0) {
            m.writeBytes(ptr, s.getBytes(StandardCharsets.ISO_8859_1));
            return pack(ptr, n);
        }
        // The spec copies Latin-1 bytes until the first wide code unit, then reallocates (realloc keeps
        // the prefix) and inflates in place. Writing the prefix first keeps what realloc sees the same;
        // the UTF-16 rewrite below equals the in-place inflation followed by the rest of the string.
        m.writeBytes(ptr, s.substring(0, wide).getBytes(StandardCharsets.ISO_8859_1));
        ptr = o.realloc(ptr, n, 2, 2L * n);
        m.writeBytes(ptr, s.getBytes(StandardCharsets.UTF_16LE));
        return pack(ptr, n | UTF16_TAG);
    }

    /** Packs a pointer and a (tagged) length into one {@code long}. */
    static long pack(int ptr, int length) {
        return Integer.toUnsignedLong(ptr) | ((long) length << 32);
    }

    /** The pointer of a packed pair. */
    static int ptr(long packed) {
        return (int) packed;
    }

    /** The (tagged) length of a packed pair. */
    static int length(long packed) {
        return (int) (packed >>> 32);
    }

    /** Rejects a host string holding a lone surrogate, which no WIT string can carry. */
    static void requireScalarValues(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("string has a lone surrogate at index " + i);
            }
        }
    }

    private static byte[] read(CanonicalOptions o, int ptr, long byteLength, int align) {
        if (byteLength > MAX_STRING_BYTE_LENGTH) {
            throw trap("string of " + byteLength + " bytes exceeds the limit of " + MAX_STRING_BYTE_LENGTH);
        }
        if ((ptr & (align - 1)) != 0) {
            throw trap("misaligned string pointer " + Integer.toUnsignedString(ptr) + " (alignment " + align + ")");
        }
        GuestMemory m = o.memory();
        if (Integer.toUnsignedLong(ptr) + byteLength > m.byteSize()) {
            throw trap("out of bounds string: " + Integer.toUnsignedString(ptr) + " + " + byteLength + " > "
                    + m.byteSize());
        }
        return m.readBytes(ptr, (int) byteLength);
    }

    private static String decodeUtf8(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        // The JDK decoder is fast but replaces malformed input with U+FFFD. Only when that character
        // shows up (rarely: it may also be genuine) do we decode again strictly to tell the two apart.
        if (s.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            } catch (CharacterCodingException e) {
                throw new TrapException("", "invalid utf-8 in string", e);
            }
        }
        return s;
    }

    private static String decodeUtf16(byte[] b) {
        char[] chars = new char[b.length / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((b[2 * i] & 0xFF) | (b[2 * i + 1] & 0xFF) << 8);
        }
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw trap("invalid utf-16 in string: lone surrogate at code unit " + i);
            }
        }
        return new String(chars);
    }

    private static int firstAboveLatin1(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) > 0xFF) {
                return i;
            }
        }
        return -1;
    }

    private static TrapException trap(String reason) {
        return new TrapException("", reason);
    }
}
