package io.fssdk.api.state;

import java.io.ByteArrayOutputStream;

/** Byte helpers shared by the codecs and the state implementations. */
final class Bytes {
    static final byte[] EMPTY = new byte[0];

    private Bytes() {
    }

    /** Writes {@code v} big-endian with the sign bit flipped, so signed order becomes unsigned byte order. */
    static void putOrderedLong(byte[] out, int at, long v) {
        putLong(out, at, v ^ Long.MIN_VALUE);
    }

    static long getOrderedLong(byte[] in, int at) {
        return getLong(in, at) ^ Long.MIN_VALUE;
    }

    static void putLong(byte[] out, int at, long v) {
        for (int i = 7; i >= 0; i--) {
            out[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    static long getLong(byte[] in, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (in[at + i] & 0xFF);
        }
        return v;
    }

    static void putOrderedInt(byte[] out, int at, int v) {
        int u = v ^ Integer.MIN_VALUE;
        out[at] = (byte) (u >>> 24);
        out[at + 1] = (byte) (u >>> 16);
        out[at + 2] = (byte) (u >>> 8);
        out[at + 3] = (byte) u;
    }

    static int getOrderedInt(byte[] in, int at) {
        int u = ((in[at] & 0xFF) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
        return u ^ Integer.MIN_VALUE;
    }

    /** A long as 8 ordered bytes. */
    static byte[] orderedLong(long v) {
        byte[] out = new byte[8];
        putOrderedLong(out, 0, v);
        return out;
    }

    /**
     * Appends {@code part} with 0x00 escaped as 0x00 0xFF and ends it with 0x00 0x01, as
     * {@link io.fssdk.api.spi.KeyCodec} does: the terminator sorts below every escaped or ordinary byte,
     * so escaped parts are prefix-free and keep their unsigned order when concatenated.
     */
    static void writeEscaped(ByteArrayOutputStream out, byte[] part) {
        for (byte b : part) {
            out.write(b);
            if (b == 0) {
                out.write(0xFF);
            }
        }
        out.write(0x00);
        out.write(0x01);
    }

    /**
     * The end (exclusive, terminator included) of the escaped part starting at {@code at}.
     *
     * @throws IllegalArgumentException when the part is not terminated
     */
    static int escapedEnd(byte[] in, int at) {
        for (int i = at; i + 1 < in.length; i++) {
            if (in[i] == 0) {
                if (in[i + 1] == 0x01) {
                    return i + 2;
                }
                if (in[i + 1] != (byte) 0xFF) {
                    throw new IllegalArgumentException("bad escape 0x00 0x" + Integer.toHexString(in[i + 1] & 0xFF)
                            + " at byte " + i);
                }
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated part at byte " + at);
    }

    /** The bytes of the escaped part in [at, end), without escapes and terminator. */
    static byte[] unescape(byte[] in, int at, int end) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - at);
        for (int i = at; i < end - 2; i++) {
            out.write(in[i]);
            if (in[i] == 0) {
                i++;
            }
        }
        return out.toByteArray();
    }

    /** The number of bytes {@link #putVarInt} writes for {@code v} (non-negative). */
    static int varIntSize(int v) {
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    /** Writes {@code v} (non-negative) as an unsigned LEB128 varint; returns the position after it. */
    static int putVarInt(byte[] out, int at, int v) {
        while ((v & ~0x7F) != 0) {
            out[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[at++] = (byte) v;
        return at;
    }

    /**
     * Reads an unsigned LEB128 varint at {@code pos[0]}, advancing it.
     *
     * @throws IllegalArgumentException when it runs past the end or past 32 bits
     */
    static int getVarInt(byte[] in, int[] pos) {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (pos[0] >= in.length) {
                throw new IllegalArgumentException("truncated length at byte " + pos[0]);
            }
            int b = in[pos[0]++] & 0xFF;
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (v < 0) {
                    throw new IllegalArgumentException("negative length");
                }
                return v;
            }
        }
        throw new IllegalArgumentException("length longer than 32 bits");
    }
}
