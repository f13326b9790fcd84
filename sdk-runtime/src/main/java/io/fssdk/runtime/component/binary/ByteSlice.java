package io.fssdk.runtime.component.binary;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable window onto the bytes of a parsed component, used for embedded core modules and custom
 * section payloads. The parser copies its input once, so every slice shares that private copy instead
 * of copying megabytes per module; nothing can write through a slice.
 *
 * <p>Equality is by content, so model records that hold slices compare by value.
 */
public final class ByteSlice {
    private final byte[] source;
    private final int offset;
    private final int length;
    /** Lazily computed content hash; 0 until first needed (a benign race, as in {@code String}). */
    private int hash;

    ByteSlice(byte[] source, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, source.length);
        this.source = source;
        this.offset = offset;
        this.length = length;
    }

    /** A slice over a private copy of {@code bytes}, at offset 0. */
    public static ByteSlice copyOf(byte[] bytes) {
        return new ByteSlice(bytes.clone(), 0, bytes.length);
    }

    /** The byte offset of the first byte in the outermost component binary. */
    public int offset() {
        return offset;
    }

    /** The number of bytes. */
    public int length() {
        return length;
    }

    /** The byte at {@code index} (0-based within the slice), as an unsigned value 0..255. */
    public int byteAt(int index) {
        Objects.checkIndex(index, length);
        return source[offset + index] & 0xff;
    }

    /** A fresh copy of the bytes, e.g. for Chicory's {@code Parser.parse(byte[])}. */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(source, offset, offset + length);
    }

    /** A read-only view of the bytes, without copying. */
    public ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(source, offset, length).slice().asReadOnlyBuffer();
    }

    /** A decoder over the bytes, without copying; its offsets are those of the outermost binary. */
    BinaryReader reader() {
        return new BinaryReader(source, offset, offset + length);
    }

    /** A stream over the bytes, without copying. */
    public InputStream asInputStream() {
        return new ByteArrayInputStream(source, offset, length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteSlice other
                && Arrays.equals(source, offset, offset + length, other.source, other.offset,
                        other.offset + other.length);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 1;
            for (int i = offset; i < offset + length; i++) {
                h = 31 * h + source[i];
            }
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return "ByteSlice[offset=" + offset + ", length=" + length + "]";
    }
}
