package io.fssdk.runtime.component.core;

import io.fssdk.runtime.component.MalformedException;

/**
 * Reads one core module and copies it to a {@link CoreWriter}, changing only the type indices it is told
 * to: the <a href="https://webassembly.github.io/spec/core/binary/values.html">values</a> of the core
 * binary format (bytes, LEB128 integers, names) plus a lazy copy.
 *
 * <p>Bytes are not copied as they are read. They stay pending from {@link #flushed} on and go out in one
 * {@code arraycopy} when an index changes ({@link #typeIndex()}) or the module ends, so an unchanged stretch,
 * often a whole function, costs no writes. Sizes are handled the same way: a section or function body
 * is an open region whose size field is only rewritten ({@link #materialize()}) once something inside
 * changes; an untouched region keeps its original bytes, size field included.
 *
 * <p>Every read checks {@link #limit}, the end of the innermost region, so nothing here throws anything
 * but {@link MalformedException}, with the offset in the module.
 */
final class CoreCursor {
    /** Sections hold function bodies; nothing nests deeper. */
    private static final int MAX_REGIONS = 2;

    private final byte[] in;
    private final String context;
    private final int extra;
    private final int[] map;
    private CoreWriter out;
    private int pos;
    private int limit;
    /** Input before this offset has been written out (or replaced); from here on it is pending. */
    private int flushed;
    /** Open regions, outermost first: where each size field starts and where its payload starts. */
    private int depth;
    private final int[] sizeStart = new int[MAX_REGIONS];
    private final int[] payloadStart = new int[MAX_REGIONS];
    /** How many open regions (outermost first) have a reserved size field in the output, at marks. */
    private int materialized;
    private final int[] marks = new int[MAX_REGIONS];

    /**
     * A cursor at the start of {@code in}.
     *
     * @param context names the module in error messages, e.g. "core module 2"
     * @param map the new index of each of the module's type indices
     * @param extra how many bytes the output may grow by, to size its buffer once
     */
    CoreCursor(byte[] in, String context, int[] map, int extra) {
        this.in = in;
        this.context = context;
        this.map = map;
        this.limit = in.length;
        this.extra = extra;
    }

    /** The output, created on first use: a cursor that only reads (the scan pass) never allocates it. */
    private CoreWriter out() {
        if (out == null) {
            out = new CoreWriter(in.length + extra + 64);
        }
        return out;
    }

    int pos() {
        return pos;
    }

    int limit() {
        return limit;
    }

    /** Narrows reads to end at {@code end}; returns the old limit for {@link #restoreLimit(int)}. */
    int narrow(int end) {
        int old = limit;
        limit = end;
        return old;
    }

    void restoreLimit(int old) {
        limit = old;
    }

    boolean atLimit() {
        return pos >= limit;
    }

    int u8() {
        if (pos >= limit) {
            throw eof();
        }
        return in[pos++] & 0xff;
    }

    int peek() {
        if (pos >= limit) {
            throw eof();
        }
        return in[pos] & 0xff;
    }

    void skip(int count) {
        if (count > limit - pos) {
            throw eof();
        }
        pos += count;
    }

    /** Reads a {@code u32} used as an index, count or size, so it must also fit a Java {@code int}. */
    int u32() {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = u8();
            if (shift == 28 && (b & 0xf8) != 0) {
                throw error(pos - 1, (b & 0x80) != 0 ? "integer representation too long" : "integer too large");
            }
            result |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new AssertionError("unreachable: the fifth byte ends the loop");
    }

    /** Reads a {@code u32} that counts items of at least one byte each, so it cannot exceed what is left. */
    int count() {
        int at = pos;
        int n = u32();
        if (n > limit - pos) {
            throw error(at, "count " + n + " exceeds the remaining " + (limit - pos) + " bytes");
        }
        return n;
    }

    /** Skips a LEB128 of at most {@code maxBytes} bytes whose value is not needed. */
    void leb(int maxBytes) {
        int start = pos;
        while ((u8() & 0x80) != 0) {
            if (pos - start >= maxBytes) {
                throw error(start, "integer representation too long");
            }
        }
    }

    /** Reads a signed LEB128 of at most 5 bytes ({@code s33}), the encoding of block and heap types. */
    long s33() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            if (shift >= 35) {
                throw error(pos, "integer representation too long");
            }
            b = u8();
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        // Sign-extend from the last byte's bit 6.
        return shift < 64 && (b & 0x40) != 0 ? result | -1L << shift : result;
    }

    /** Skips a name (a length-prefixed byte string); its UTF-8 is not checked, only copied. */
    void name() {
        skip(count());
    }

    /** Reads a {@code u32} type index and rewrites it to its new index if that differs. */
    void typeIndex() {
        int at = pos;
        int old = u32();
        int now = mapped(at, old);
        if (now != old) {
            replaceWith(at, now, false);
        }
    }

    /** Rewrites the type index {@code old}, already read as an {@code s33} from {@code at}. */
    void typeIndexS33(int at, long old) {
        int now = mapped(at, old);
        if (now != old) {
            replaceWith(at, now, true);
        }
    }

    private int mapped(int at, long old) {
        if (old < 0 || old >= map.length) {
            throw error(at, "type index " + old + " out of range (the module has " + map.length + " types)");
        }
        return map[(int) old];
    }

    /** Replaces the bytes from {@code at} to the current position with {@code value}'s LEB128. */
    private void replaceWith(int at, int value, boolean signed) {
        materialize();
        flush(at);
        if (signed) {
            out().s33(value);
        } else {
            out().u32(value);
        }
        flushed = pos;
    }

    /** Replaces {@code [from, to)} of the input with {@code bytes}, outside any region. */
    void replace(int from, int to, byte[] bytes) {
        flush(from);
        out().bytes(bytes, 0, bytes.length);
        flushed = to;
    }

    /**
     * Opens a region (a section or a function body) whose size field starts at {@code sizeAt}; the
     * payload starts at the current position.
     */
    void open(int sizeAt) {
        sizeStart[depth] = sizeAt;
        payloadStart[depth] = pos;
        depth++;
    }

    /** Closes the innermost region at the current position, fixing its size if it changed. */
    void close() {
        depth--;
        if (materialized > depth) {
            flush(pos);
            out().patch(marks[depth]);
            materialized = depth;
        }
    }

    /** Switches every open region to a rewritten size field, once something inside changes. */
    private void materialize() {
        while (materialized < depth) {
            flush(sizeStart[materialized]);
            marks[materialized] = out().reserve();
            flushed = payloadStart[materialized];
            materialized++;
        }
    }

    private void flush(int upTo) {
        if (upTo > flushed) {
            out().bytes(in, flushed, upTo - flushed);
            flushed = upTo;
        }
    }

    /** Copies what is still pending and returns the rewritten module. */
    byte[] finish() {
        flush(in.length);
        return out().toByteArray();
    }

    MalformedException eof() {
        return error(pos, "unexpected end");
    }

    MalformedException error(int at, String message) {
        return new MalformedException(context + ": " + message, at);
    }
}
