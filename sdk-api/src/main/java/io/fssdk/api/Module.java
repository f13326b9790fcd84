package io.fssdk.api;

import java.util.Objects;

/**
 * A named blob of code or data handed to {@link Driver#exec}. The bytes are copied on the way in and
 * on the way out, so a {@code Module} is immutable.
 *
 * @param name the module's name
 * @param bytes the module's content
 */
public record Module(String name, byte[] bytes) {
    /** Copies the bytes and rejects nulls. */
    public Module {
        Objects.requireNonNull(name, "name");
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    /** A copy of the content. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Module m && name.equals(m.name) && java.util.Arrays.equals(bytes, m.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Module[name=" + name + ", bytes=" + bytes.length + " bytes]";
    }
}
