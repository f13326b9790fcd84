package io.fssdk.api.state;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Strings as UTF-8 with 0x00 escaped and a 0x00 0x01 terminator. UTF-8 bytes sort like code points, and the
 * terminator sorts below every content byte, so {@code "a" < "a\u0000" < "ab"} holds for the encodings too,
 * alone or followed by more bytes in a tuple. The order is Unicode code point order, which differs from
 * {@link String#compareTo} (UTF-16 units) only for supplementary characters against U+E000..U+FFFF.
 * Unpaired surrogates are not representable in UTF-8 and become {@code '?'}.
 */
final class Utf8Codec implements Codec<String>, SelfDelimiting {
    static final Utf8Codec INSTANCE = new Utf8Codec();

    private Utf8Codec() {
    }

    @Override
    public byte[] encode(String value) {
        byte[] utf8 = Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 0 && value.indexOf('\u0000') < 0) {
            // The common case: no NUL to escape, so one copy with the terminator appended.
            byte[] out = new byte[utf8.length + 2];
            System.arraycopy(utf8, 0, out, 0, utf8.length);
            out[utf8.length + 1] = 0x01;
            return out;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length + 4);
        Bytes.writeEscaped(out, utf8);
        return out.toByteArray();
    }

    @Override
    public String decode(byte[] bytes) {
        int end = Bytes.escapedEnd(bytes, 0);
        if (end != bytes.length) {
            throw new IllegalArgumentException("string codec: " + (bytes.length - end) + " bytes after the terminator");
        }
        return new String(Bytes.unescape(bytes, 0, end), StandardCharsets.UTF_8);
    }

    @Override
    public boolean isOrderPreserving() {
        return true;
    }

    @Override
    public int encodedEnd(byte[] in, int at) {
        return Bytes.escapedEnd(in, at);
    }

    @Override
    public String toString() {
        return "Codecs.strings()";
    }
}
