package io.fssdk.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.Store;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Function Stream's word counter ({@code examples/go-processor/main.go}), as a native Java operator. For
 * the input lines {@code hello}, {@code hello} it emits {@code {"total_processed":1,"counter_map":{"hello":1}}}
 * then {@code {"total_processed":2,"counter_map":{"hello":2}}} on target 0.
 *
 * <p>The same semantics are implemented by the C guest in {@code examples/guests/c/counter.c}, and the
 * two must stay byte-identical, so every choice below that a library could make differently is spelled
 * out:
 * <ul>
 *   <li>Input and {@code key_prefix} are trimmed of ASCII whitespace only (space, {@code \t \n}, U+000B,
 *       {@code \f \r})). Go's {@code strings.TrimSpace} also trims Unicode spaces such as U+00A0; we do not.</li>
 *   <li>A stored count is a strict ASCII decimal ({@code [+-]?[0-9]+} within a {@code long}); anything
 *       else counts as 0, as a failed {@code strconv.ParseInt} does in Go.</li>
 *   <li>{@code counter_map} is sorted by code point, which is the unsigned byte order of the UTF-8 keys
 *       that Go's {@code encoding/json} and the C guest sort by ({@link String#compareTo} differs for
 *       characters beyond U+FFFF).</li>
 *   <li>JSON is Jackson's compact byte output ({@code writeValueAsBytes}) with its defaults: control
 *       characters as {@code \}{@code u00XX} with upper-case hex, and a character beyond U+FFFF as an
 *       escaped surrogate pair ({@code \}{@code uD83D\}{@code uDE00}), as the C and JavaScript guests
 *       write it. Go writes such characters as raw UTF-8, and also escapes {@code < > &} and U+2028,
 *       so words with those characters are where the output differs from Go's.</li>
 *   <li>Input must be valid UTF-8: a record that is not is rejected ({@code OPERATOR_FAILED}, naming the
 *       first bad byte and its offset), and nothing is counted or stored for it. Decoding it leniently
 *       would turn every malformed sequence into U+FFFD, so different byte strings would share one count.
 *       The C and JavaScript counters work on bytes and count such records under their raw bytes; this
 *       is where they differ.</li>
 * </ul>
 *
 * <p>Counts live in store {@value #STORE_NAME} under {@code key_prefix + word}, so a new instance on the
 * same state continues them; {@code total_processed} and {@code counter_map} are per instance and start
 * empty, unless a checkpoint saved them: {@link #takeCheckpoint} stores them (see
 * {@link CounterInstanceState}) and {@link #init} loads them, so a run restored from a checkpoint continues
 * its output exactly where the checkpoint left off (Function Stream's Go counter keeps them only in memory).
 */
public final class CounterOperator implements Driver {
    /** The store the counts live in, as in the Go reference. */
    public static final String STORE_NAME = "counter-store";
    /** The configuration key whose (trimmed) value prefixes every state key. */
    public static final String KEY_PREFIX = "key_prefix";

    /**
     * Thread-safe once built; shared so each record does not build a serializer. The defaults are kept on
     * purpose: the C and JavaScript counter components reproduce exactly this output (including the
     * escaped surrogate pairs of {@code COMBINE_UNICODE_SURROGATES_IN_UTF8} being off), and the
     * equivalence test holds the two to it byte for byte.
     */
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** Strict: reports malformed input. One per operator (decoders are stateful; a runner is single-threaded). */
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private Store store;
    private String keyPrefix = "";
    private long totalProcessed;
    private final Map<String, Long> counterMap = new TreeMap<>(CounterOperator::compareCodePoints);

    /** Creates a counter; it does nothing until {@link #init} opens its store. */
    public CounterOperator() {
    }

    /**
     * Opens store {@value #STORE_NAME}, reads {@value #KEY_PREFIX} (trimmed, default empty) and starts with
     * no counts of its own, or with those the last checkpoint saved in the store.
     *
     * @throws io.fssdk.api.SdkException when the store cannot be opened
     */
    @Override
    public void init(Context ctx, Map<String, String> config) {
        store = ctx.getOrCreateStore(STORE_NAME);
        counterMap.clear();
        totalProcessed = 0;
        try {
            store.get(CounterInstanceState.KEY).flatMap(saved -> CounterInstanceState.decode(saved, counterMap))
                    .ifPresent(total -> totalProcessed = total);
        } catch (io.fssdk.api.SdkException e) {
            // Keyed stores (Flink) cannot be read outside a record; their host checkpoints the totals' inputs.
        }
        keyPrefix = trimAsciiWhitespace(config.getOrDefault(KEY_PREFIX, ""));
    }

    /**
     * Counts one word: ignores it when it is empty after trimming; otherwise adds one to its stored count
     * and emits the running totals as JSON on target 0.
     *
     * @throws io.fssdk.api.SdkException when the store fails; {@code total_processed} has counted the word
     *     already, as in the Go reference
     * @throws JsonProcessingException never in practice: the payload is a map of strings and longs
     */
    @Override
    public void process(Context ctx, int sourceId, byte[] data) throws JsonProcessingException {
        String input = trimAsciiWhitespace(decodeUtf8(utf8, data));
        if (input.isEmpty() || store == null) {
            return;
        }
        totalProcessed++;
        byte[] key = (keyPrefix + input).getBytes(StandardCharsets.UTF_8);
        long count = store.getState(key).map(CounterOperator::parseCount).orElse(0L) + 1;
        counterMap.put(input, count);
        store.putState(key, Long.toString(count).getBytes(StandardCharsets.US_ASCII));

        // A LinkedHashMap fixes the field order; the TreeMap inside is already in key order.
        Map<String, Object> payload = new LinkedHashMap<>(4);
        payload.put("total_processed", totalProcessed);
        payload.put("counter_map", counterMap);
        ctx.emit(0, JSON.writeValueAsBytes(payload));
    }

    /**
     * Saves {@code total_processed} and {@code counter_map} in the store, so that they are part of the
     * checkpoint and {@link #init} of a restored run continues them.
     */
    @Override
    public void takeCheckpoint(Context ctx, long checkpointId) {
        if (store != null) {
            try {
                store.put(CounterInstanceState.KEY, CounterInstanceState.encode(totalProcessed, counterMap));
            } catch (io.fssdk.api.SdkException e) {
                // A keyed store (Flink) has no key in scope here; there is nothing to save the totals under.
            }
        }
    }

    /** Forwards the watermark to target 0, as the Go reference does. */
    @Override
    public void processWatermark(Context ctx, int sourceId, long watermark) {
        ctx.emitWatermark(0, watermark);
    }

    /** Forgets the per-instance totals. The store is left to the runner, which owns and closes it. */
    @Override
    public void close(Context ctx) {
        store = null;
        counterMap.clear();
        totalProcessed = 0;
        keyPrefix = "";
    }

    /**
     * The record as text, strictly: a malformed or truncated UTF-8 sequence is an error, not U+FFFD.
     *
     * @throws SdkException {@code OPERATOR_FAILED} naming the first bad byte and its offset
     */
    static String decodeUtf8(CharsetDecoder decoder, byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            int at = in.position();
            String b = at < data.length ? String.format("byte 0x%02x", data[at] & 0xFF) : "a truncated sequence";
            throw new SdkException(ErrorCode.OPERATOR_FAILED, "the record is not valid UTF-8 (" + b + " at offset "
                    + at + "); this counter counts text, so it counted nothing for it", e);
        }
    }

    /**
     * {@code s} without leading and trailing ASCII whitespace: space, {@code \t}, {@code \n},
     * U+000B (vertical tab), {@code \f}, {@code \r}. An explicit loop, not {@link String#trim()} (which also
     * strips other control characters) or {@link String#strip()} (Unicode spaces), so the C guest can
     * match it byte for byte.
     */
    static String trimAsciiWhitespace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isAsciiWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /**
     * A stored count, or 0 when it is not a strict ASCII decimal {@code long}. The ASCII check comes
     * first because {@link Long#parseLong} alone accepts other scripts' digits (e.g. U+0663), which Go's
     * {@code strconv.ParseInt} and the C guest reject.
     */
    static long parseCount(byte[] value) {
        for (int i = 0; i < value.length; i++) {
            byte b = value[i];
            boolean sign = i == 0 && (b == '+' || b == '-');
            if (!sign && (b < '0' || b > '9')) {
                return 0;
            }
        }
        try {
            return Long.parseLong(new String(value, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return 0; // empty, a lone sign, or out of range
        }
    }

    /**
     * Compares by code point, i.e. by the unsigned bytes of the UTF-8 encodings. At the first differing
     * UTF-16 unit, surrogates (U+D800..U+DFFF, which encode code points above U+FFFF) are moved above
     * U+E000..U+FFFF; everything else compares as is.
     */
    static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return Integer.compare(codePointRank(x), codePointRank(y));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int codePointRank(char c) {
        if (c < Character.MIN_SURROGATE) {
            return c;
        }
        return Character.isSurrogate(c) ? c + 0x2000 : c - 0x800;
    }
}
