package io.fssdk.runtime.component.binary;

import io.fssdk.runtime.component.MalformedException;
import io.fssdk.runtime.component.UnsupportedFeatureException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over a window {@code [position, end)} of the component's bytes: the primitive encodings of
 * the <a href="https://webassembly.github.io/spec/core/binary/values.html">core binary format</a>
 * (bytes, LEB128 integers, names) that Binary.md reuses. Offsets are absolute in the outermost binary,
 * so every error names the byte where decoding failed.
 *
 * <p>Every read checks the window first; nothing here throws anything but
 * {@link MalformedException}.
 */
final class BinaryReader {
    private final byte[] bytes;
    private final int end;
    private int position;

    /** A reader over {@code bytes[start, end)}; the array is shared, never written. */
    BinaryReader(byte[] bytes, int start, int end) {
        if (start < 0 || start > end || end > bytes.length) {
            throw new IllegalArgumentException("bad window [" + start + ", " + end + ")");
        }
        this.bytes = bytes;
        this.position = start;
        this.end = end;
    }

    /** The absolute offset of the next byte. */
    int offset() {
        return position;
    }

    /** Whether the window is exhausted. */
    boolean atEnd() {
        return position >= end;
    }

    /** Bytes left in the window. */
    int remaining() {
        return end - position;
    }

    /** Reads one byte as 0..255. */
    int u8(String what) {
        if (position >= end) {
            throw error("unexpected end while reading " + what);
        }
        return bytes[position++] & 0xff;
    }

    /** Returns the next byte as 0..255 without consuming it. */
    int peekU8(String what) {
        if (position >= end) {
            throw error("unexpected end while reading " + what);
        }
        return bytes[position] & 0xff;
    }

    /** Reads an unsigned LEB128 of at most 5 bytes whose value fits 32 bits (core {@code u32}). */
    long u32(String what) {
        long result = 0;
        for (int i = 0, shift = 0; ; i++, shift += 7) {
            int b = u8(what);
            if (i == 4 && (b & 0xf0) != 0) {
                // Byte 5 carries bits 28..34: a continuation bit means too many bytes, and any of
                // bits 32..34 set means the value does not fit in 32 bits.
                throw errorAt(position - 1, (b & 0x80) != 0
                        ? "integer representation too long in " + what
                        : "integer too large in " + what);
            }
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    /** Reads an unsigned LEB128 of at most 10 bytes whose value fits 64 bits (core {@code u64}). */
    long u64(String what) {
        long result = 0;
        for (int i = 0, shift = 0; ; i++, shift += 7) {
            int b = u8(what);
            if (i == 9 && (b & 0xfe) != 0) {
                throw errorAt(position - 1, (b & 0x80) != 0
                        ? "integer representation too long in " + what
                        : "integer too large in " + what);
            }
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    /** Reads a signed LEB128 of at most 5 bytes whose value fits 33 bits (core {@code s33}). */
    long s33(String what) {
        long result = 0;
        for (int i = 0, shift = 0; ; i++, shift += 7) {
            int b = u8(what);
            if (i == 4 && (b & 0x80) != 0) {
                throw errorAt(position - 1, "integer representation too long in " + what);
            }
            if (i == 4 && (b & 0x70) != 0 && (b & 0x70) != 0x70) {
                // Bits 33 and 34 must repeat the sign bit 32.
                throw errorAt(position - 1, "integer too large in " + what);
            }
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (b & 0x40) != 0 ? result | (-1L << (shift + 7)) : result;
            }
        }
    }

    /**
     * Reads a {@code u32} index. Values of 2^31 and up are rejected here: no index space can be that
     * large under {@link Limits}, and it lets the model use {@code int}.
     */
    int index(String what) {
        int start = position;
        long value = u32(what);
        if (value > Integer.MAX_VALUE) {
            throw errorAt(start, what + " " + value + " is out of range");
        }
        return (int) value;
    }

    /**
     * Reads a {@code vec} length, checked against {@code cap} and against the bytes left (every element
     * takes at least one byte) before the caller allocates anything for it.
     */
    int count(int cap, String what) {
        int start = position;
        long value = u32("number of " + what);
        if (value > cap) {
            throw errorAt(start, "too many " + what + ": " + value + " (the limit is " + cap + ")");
        }
        if (value > remaining()) {
            throw errorAt(start, "number of " + what + " (" + value + ") exceeds the "
                    + remaining() + " bytes left");
        }
        return (int) value;
    }

    /** Reads a byte length, checked against {@code cap} and the bytes left. */
    int length(int cap, String what) {
        int start = position;
        long value = u32("size of " + what);
        if (value > cap) {
            throw errorAt(start, what + " size " + value + " exceeds the limit of " + cap);
        }
        if (value > remaining()) {
            throw errorAt(start, what + " size " + value + " exceeds the " + remaining() + " bytes left");
        }
        return (int) value;
    }

    /** Reads a core {@code name}: a length-prefixed, well-formed UTF-8 string. */
    String name(String what) {
        int length = length(Limits.MAX_NAME_LENGTH, what);
        int start = position;
        position += length;
        return utf8(start, length, what);
    }

    private String utf8(int start, int length, String what) {
        boolean ascii = true;
        for (int i = start; i < start + length; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            // Fast path: nearly every name is ASCII, and ISO-8859-1 decoding is a plain copy.
            return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }
        try {
            // A REPORTing decoder rejects overlong forms, encoded surrogates and truncated sequences.
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedException("malformed utf-8 encoding in " + what, start, e);
        }
    }

    /** Takes the next {@code length} bytes (already checked) as a shared slice. */
    ByteSlice slice(int length) {
        if (length < 0 || length > remaining()) {
            throw error("unexpected end while reading " + length + " bytes");
        }
        ByteSlice slice = new ByteSlice(bytes, position, length);
        position += length;
        return slice;
    }

    /** Takes the next {@code length} bytes (already checked) as a reader of their own. */
    BinaryReader window(int length) {
        if (length < 0 || length > remaining()) {
            throw error("unexpected end while reading " + length + " bytes");
        }
        BinaryReader sub = new BinaryReader(bytes, position, position + length);
        position += length;
        return sub;
    }

    /** A second cursor at the same position and end, for looking ahead without consuming. */
    BinaryReader fork() {
        return new BinaryReader(bytes, position, end);
    }

    /** Fails unless the window is exhausted, e.g. at the end of a section. */
    void expectEnd(String what) {
        if (position < end) {
            throw error(what + " has " + (end - position) + " unexpected trailing bytes");
        }
    }

    /** A decoding error at the current offset. */
    MalformedException error(String message) {
        return new MalformedException(message, position);
    }

    /** A decoding error at {@code offset}. */
    MalformedException errorAt(long offset, String message) {
        return new MalformedException(message, offset);
    }

    /** An invalid discriminant byte {@code b} read at {@code offset}. */
    MalformedException badByte(long offset, int b, String what) {
        return new MalformedException(String.format("invalid byte 0x%02x for %s", b, what), offset);
    }

    /** A gated feature found at {@code offset}. */
    UnsupportedFeatureException unsupported(long offset, String feature, String proposal) {
        return new UnsupportedFeatureException(feature, proposal, offset);
    }
}
