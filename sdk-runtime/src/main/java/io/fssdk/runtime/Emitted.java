package io.fssdk.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record an operator emitted, as captured by {@link OperatorTestKit}. The bytes are copied on the
 * way in and on the way out; equality is by content.
 *
 * @param targetId the output index the record went to (WIT {@code u32})
 * @param data the record's bytes
 */
public record Emitted(int targetId, byte[] data) {
    /** Copies the bytes and rejects null. */
    public Emitted {
        data = Objects.requireNonNull(data, "data").clone();
    }

    /** A copy of the record's bytes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The record decoded as UTF-8 (malformed input becomes U+FFFD). */
    public String dataAsString() {
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Emitted e && targetId == e.targetId && Arrays.equals(data, e.data);
    }

    @Override
    public int hashCode() {
        return 31 * targetId + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Emitted[targetId=" + Integer.toUnsignedString(targetId) + ", data=" + dataAsString() + "]";
    }
}
