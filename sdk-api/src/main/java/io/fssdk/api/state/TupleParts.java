package io.fssdk.api.state;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The element-wise encoding of a tuple: each element's encoding in turn, as it is when its codec is
 * {@link SelfDelimiting}, escaped and terminated otherwise. Both forms are prefix-free and ordered, so the
 * concatenation sorts lexicographically, by the first element, then the second, and so on.
 */
final class TupleParts {
    private final List<Codec<?>> codecs;
    private final boolean ordered;

    TupleParts(List<Codec<?>> codecs) {
        this.codecs = List.copyOf(codecs);
        this.ordered = this.codecs.stream().allMatch(Codec::isOrderPreserving);
    }

    boolean ordered() {
        return ordered;
    }

    @SuppressWarnings("unchecked")
    byte[] encode(Object... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        for (int i = 0; i < values.length; i++) {
            byte[] part = ((Codec<Object>) codecs.get(i)).encode(values[i]);
            if (codecs.get(i) instanceof SelfDelimiting) {
                out.write(part, 0, part.length);
            } else {
                Bytes.writeEscaped(out, part);
            }
        }
        return out.toByteArray();
    }

    Object[] decode(byte[] bytes) {
        Object[] values = new Object[codecs.size()];
        int at = 0;
        for (int i = 0; i < values.length; i++) {
            Codec<?> codec = codecs.get(i);
            if (codec instanceof SelfDelimiting delimited) {
                int end = delimited.encodedEnd(bytes, at);
                values[i] = codec.decode(Arrays.copyOfRange(bytes, at, end));
                at = end;
            } else {
                int end = Bytes.escapedEnd(bytes, at);
                values[i] = codec.decode(Bytes.unescape(bytes, at, end));
                at = end;
            }
        }
        if (at != bytes.length) {
            throw new IllegalArgumentException("tuple codec: " + (bytes.length - at) + " bytes after the last element");
        }
        return values;
    }

    @Override
    public String toString() {
        return "Codecs.tuple" + codecs;
    }
}
