package io.fssdk.examples;

import io.fssdk.api.ComplexKey;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The counter's in-memory state ({@code total_processed} and {@code counter_map}) as the bytes it saves
 * at each checkpoint and loads in {@code init}, so a run restored from a checkpoint continues its output
 * exactly. The C counter ({@code guests/c/counter.c}) writes the same bytes under the same key.
 *
 * <p>Layout, little-endian: u64 total_processed, u32 n, then n times (u32 word length, UTF-8 word, i64
 * count), words in counter_map order. It is stored under a complex key, a key space no word's byte key
 * can reach.
 */
final class CounterInstanceState {
    /** Where the state is kept in {@link CounterOperator#STORE_NAME}. */
    static final ComplexKey KEY = new ComplexKey("counter".getBytes(StandardCharsets.US_ASCII),
            "instance".getBytes(StandardCharsets.US_ASCII), new byte[0], new byte[0]);

    private CounterInstanceState() {
    }

    /** The bytes of ({@code total}, {@code counts}). */
    static byte[] encode(long total, Map<String, Long> counts) {
        int size = 12;
        byte[][] words = new byte[counts.size()][];
        int i = 0;
        for (String word : counts.keySet()) {
            words[i] = word.getBytes(StandardCharsets.UTF_8);
            size += 12 + words[i++].length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(total).putInt(counts.size());
        i = 0;
        for (long count : counts.values()) {
            out.putInt(words[i].length).put(words[i++]).putLong(count);
        }
        return out.array();
    }

    /**
     * Fills {@code counts} from {@code bytes} and returns the total; empty, with {@code counts} untouched,
     * when the bytes are malformed (then the counter starts empty, as the C counter does).
     */
    static Optional<Long> decode(byte[] bytes, Map<String, Long> counts) {
        if (bytes.length < 12) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long total = in.getLong();
        long n = Integer.toUnsignedLong(in.getInt());
        // Checked whole before anything is taken, so a malformed state changes nothing.
        int pos = 12;
        for (long i = 0; i < n; i++) {
            if (bytes.length - pos < 12) {
                return Optional.empty();
            }
            long length = Integer.toUnsignedLong(in.getInt(pos));
            if (length > bytes.length - pos - 12) {
                return Optional.empty();
            }
            pos += 12 + (int) length;
        }
        if (pos != bytes.length) {
            return Optional.empty();
        }
        pos = 12;
        for (long i = 0; i < n; i++) {
            int length = in.getInt(pos);
            counts.put(new String(bytes, pos + 4, length, StandardCharsets.UTF_8), in.getLong(pos + 4 + length));
            pos += 12 + length;
        }
        return Optional.of(total);
    }
}
