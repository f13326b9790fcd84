package io.fssdk.runtime.component.core;

import java.util.Arrays;

/**
 * A growable output buffer for a rewritten core module, with the two LEB128 encodings type indices use
 * (<a href="https://webassembly.github.io/spec/core/binary/values.html#integers">Integers</a>): {@code u32}
 * in most places and {@code s33} in block types and heap types.
 *
 * <p>Sizes of sections and function bodies are written after their content: {@link #reserve()} leaves
 * room for the longest {@code u32}, and {@link #patch(int)} writes the shortest encoding there and
 * slides the content down, so the output never carries padded LEB128s.
 */
final class CoreWriter {
    /** The longest encoding of a {@code u32}. */
    private static final int MAX_U32_BYTES = 5;

    private byte[] buf;
    private int length;

    /** A writer whose buffer starts at {@code capacity} bytes, a guess at the output's final size. */
    CoreWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** The number of bytes written so far. */
    int length() {
        return length;
    }

    /** A copy of the bytes written. */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, length);
    }

    void u8(int b) {
        ensure(1);
        buf[length++] = (byte) b;
    }

    void bytes(byte[] src, int from, int count) {
        ensure(count);
        System.arraycopy(src, from, buf, length, count);
        length += count;
    }

    /** Writes {@code value}, taken as unsigned, as the shortest {@code u32} LEB128. */
    void u32(int value) {
        ensure(MAX_U32_BYTES);
        int v = value;
        while ((v & ~0x7f) != 0) {
            buf[length++] = (byte) (v & 0x7f | 0x80);
            v >>>= 7;
        }
        buf[length++] = (byte) v;
    }

    /**
     * Writes a non-negative {@code value} as the shortest {@code s33} LEB128. It differs from
     * {@link #u32(int)} in that the last byte's bit 6 is the sign, so 64..127 need two bytes.
     */
    void s33(int value) {
        ensure(MAX_U32_BYTES);
        int v = value;
        while ((v & ~0x3f) != 0) {
            buf[length++] = (byte) (v & 0x7f | 0x80);
            v >>>= 7;
        }
        buf[length++] = (byte) v;
    }

    /** Leaves room for a size written later by {@link #patch(int)}; returns where. */
    int reserve() {
        ensure(MAX_U32_BYTES);
        int mark = length;
        length += MAX_U32_BYTES;
        return mark;
    }

    /** Writes the size of everything after the room reserved at {@code mark}, in the shortest form. */
    void patch(int mark) {
        int start = mark + MAX_U32_BYTES;
        int size = length - start;
        int at = mark;
        int v = size;
        while ((v & ~0x7f) != 0) {
            buf[at++] = (byte) (v & 0x7f | 0x80);
            v >>>= 7;
        }
        buf[at++] = (byte) v;
        if (at < start) {
            System.arraycopy(buf, start, buf, at, size);
            length -= start - at;
        }
    }

    private void ensure(int more) {
        if (length + more > buf.length) {
            // Grow by half (at least enough): the first guess is usually right, so this is rare.
            buf = Arrays.copyOf(buf, Math.max(length + more, buf.length + (buf.length >> 1)));
        }
    }
}
