package io.fssdk.api.state;

import java.util.Objects;

/** Byte arrays as they are: ordered by unsigned bytes, copied both ways, escaped when inside a tuple. */
final class RawBytesCodec implements Codec<byte[]> {
    static final RawBytesCodec INSTANCE = new RawBytesCodec();

    private RawBytesCodec() {
    }

    @Override
    public byte[] encode(byte[] value) {
        return Objects.requireNonNull(value, "value").clone();
    }

    @Override
    public byte[] decode(byte[] bytes) {
        return bytes.clone();
    }

    @Override
    public boolean isOrderPreserving() {
        return true;
    }

    @Override
    public String toString() {
        return "Codecs.byteArrays()";
    }
}
