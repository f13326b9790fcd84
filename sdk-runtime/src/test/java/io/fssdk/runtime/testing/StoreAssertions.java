package io.fssdk.runtime.testing;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.Store;
import io.fssdk.api.StoreEntry;
import io.fssdk.api.StoreIterator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Short forms shared by the store tests of every backend module (it ships in sdk-runtime's test-jar):
 * strings as bytes and results as strings.
 */
public final class StoreAssertions {
    private StoreAssertions() {
    }

    /** The ISO-8859-1 bytes of {@code s}: one byte per char, so char 0xFF is byte 0xFF. */
    public static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A complex key of four {@link #b} parts. */
    public static ComplexKey ck(String keyGroup, String key, String namespace, String userKey) {
        return new ComplexKey(b(keyGroup), b(key), b(namespace), b(userKey));
    }

    /** A value as a string, or {@code "<absent>"}. */
    public static String str(Optional<byte[]> value) {
        return value.map(v -> new String(v, StandardCharsets.ISO_8859_1)).orElse("<absent>");
    }

    /** Keys or values as strings, in order. */
    public static List<String> strs(List<byte[]> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(new String(v, StandardCharsets.ISO_8859_1)));
        return out;
    }

    /** Keys as lowercase hex strings, in order, for byte orders that strings hide. */
    public static List<String> hex(List<byte[]> values) {
        List<String> out = new ArrayList<>();
        for (byte[] v : values) {
            StringBuilder sb = new StringBuilder();
            for (byte x : v) {
                sb.append(String.format("%02x", x & 0xFF));
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** An entry as {@code "userKey=value"}. */
    public static String entry(StoreEntry e) {
        return new String(e.userKey(), StandardCharsets.ISO_8859_1) + "=" + new String(e.value(), StandardCharsets.ISO_8859_1);
    }

    /** Every entry of a namespace, scanned and rendered by {@link #entry}; closes the iterator. */
    public static List<String> scan(Store s, String keyGroup, String key, String namespace) {
        return drain(s.scanComplex(b(keyGroup), b(key), b(namespace)));
    }

    /** The remaining entries of {@code it}, rendered by {@link #entry}; closes it. */
    public static List<String> drain(StoreIterator it) {
        try (it) {
            List<String> out = new ArrayList<>();
            while (it.hasNext()) {
                out.add(entry(it.next()));
            }
            return out;
        }
    }
}
