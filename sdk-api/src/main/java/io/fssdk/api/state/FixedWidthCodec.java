package io.fssdk.api.state;

import java.util.Objects;

/** An order-preserving codec of a fixed number of bytes: the numeric and boolean codecs of {@link Codecs}. */
final class FixedWidthCodec<T> implements Codec<T>, SelfDelimiting {
    /** Writes a value into {@code width} bytes at {@code at}. */
    interface Writer<T> {
        void write(T value, byte[] out, int at);
    }

    /** Reads a value from {@code width} bytes at {@code at}. */
    interface Reader<T> {
        T read(byte[] in, int at);
    }

    private final String name;
    private final int width;
    private final Writer<T> writer;
    private final Reader<T> reader;

    FixedWidthCodec(String name, int width, Writer<T> writer, Reader<T> reader) {
        this.name = name;
        this.width = width;
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public byte[] encode(T value) {
        Objects.requireNonNull(value, "value");
        byte[] out = new byte[width];
        writer.write(value, out, 0);
        return out;
    }

    @Override
    public T decode(byte[] bytes) {
        if (bytes.length != width) {
            throw new IllegalArgumentException(name + " codec expects " + width + " bytes, got " + bytes.length);
        }
        return reader.read(bytes, 0);
    }

    @Override
    public boolean isOrderPreserving() {
        return true;
    }

    @Override
    public int encodedEnd(byte[] in, int at) {
        if (at + width > in.length) {
            throw new IllegalArgumentException(name + " codec expects " + width + " bytes at " + at);
        }
        return at + width;
    }

    @Override
    public String toString() {
        return "Codecs." + name + "()";
    }
}
