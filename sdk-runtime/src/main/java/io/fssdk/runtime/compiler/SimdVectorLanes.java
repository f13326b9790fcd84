package io.fssdk.runtime.compiler;

import static io.fssdk.runtime.compiler.SimdLanes.*;

/**
 * The SIMD operations whose result half is not made from the same half of each operand: narrowing, whole-vector
 * reductions, widening, byte permutations, splats and single lanes, in the encoding of {@link SimdLanes}. Public
 * only for the generated classes.
 */
public final class SimdVectorLanes {
    private SimdVectorLanes() {
    }

    // ---- Narrowing: each input lane is read as signed and clamped to the narrower signed or unsigned range.
    // One v128 (both its halves) makes one half of the result.

    public static long I8x16_NARROW_I16x8_S(long lo, long hi) {
        return narrow16to8(lo, Byte.MIN_VALUE, Byte.MAX_VALUE)
                | narrow16to8(hi, Byte.MIN_VALUE, Byte.MAX_VALUE) << 32;
    }

    public static long I8x16_NARROW_I16x8_U(long lo, long hi) {
        return narrow16to8(lo, 0, 0xFF) | narrow16to8(hi, 0, 0xFF) << 32;
    }

    public static long I16x8_NARROW_I32x4_S(long lo, long hi) {
        return narrow32to16(lo, Short.MIN_VALUE, Short.MAX_VALUE)
                | narrow32to16(hi, Short.MIN_VALUE, Short.MAX_VALUE) << 32;
    }

    public static long I16x8_NARROW_I32x4_U(long lo, long hi) {
        return narrow32to16(lo, 0, 0xFFFF) | narrow32to16(hi, 0, 0xFFFF) << 32;
    }

    /** A half's four i16 lanes as four clamped bytes, in the low 32 bits. */
    private static long narrow16to8(long half, int min, int max) {
        long r = 0;
        for (int k = 0; k < 4; k++) {
            int v = (short) (half >>> (16 * k));
            r |= (long) (Math.min(Math.max(v, min), max) & 0xFF) << (8 * k);
        }
        return r;
    }

    /** A half's two i32 lanes as two clamped i16 lanes, in the low 32 bits. */
    private static long narrow32to16(long half, int min, int max) {
        int lane0 = Math.min(Math.max(lo32(half), min), max);
        int lane1 = Math.min(Math.max(hi32(half), min), max);
        return (lane0 & 0xFFFF) | (lane1 & 0xFFFFL) << 16;
    }

    // ---- Whole vector to i32.

    public static int V128_ANY_TRUE(long lo, long hi) {
        return (lo | hi) != 0 ? 1 : 0;
    }

    public static int I8x16_ALL_TRUE(long lo, long hi) {
        return (nonZero8(lo) & nonZero8(hi)) == H8 ? 1 : 0;
    }

    public static int I16x8_ALL_TRUE(long lo, long hi) {
        return (nonZero16(lo) & nonZero16(hi)) == H16 ? 1 : 0;
    }

    public static int I32x4_ALL_TRUE(long lo, long hi) {
        return (nonZero32(lo) & nonZero32(hi)) == H32 ? 1 : 0;
    }

    public static int I64x2_ALL_TRUE(long lo, long hi) {
        return (lo != 0 & hi != 0) ? 1 : 0;
    }

    public static int I8x16_BITMASK(long lo, long hi) {
        return signs8(lo) | signs8(hi) << 8;
    }

    /**
     * The eight byte signs of a half as eight bits: the multiplier moves byte k's sign, brought to bit 8k, to bit
     * 56 + k; every other product lands above bit 63 or below bit 56 at distinct positions, so nothing carries.
     */
    private static int signs8(long half) {
        return (int) ((((half & H8) >>> 7) * 0x0102_0408_1020_4080L) >>> 56);
    }

    public static int I16x8_BITMASK(long lo, long hi) {
        return signs16(lo) | signs16(hi) << 4;
    }

    private static int signs16(long half) {
        return (int) (((half >>> 15) & 1) | ((half >>> 30) & 2) | ((half >>> 45) & 4) | ((half >>> 60) & 8));
    }

    public static int I32x4_BITMASK(long lo, long hi) {
        return signs32(lo) | signs32(hi) << 2;
    }

    private static int signs32(long half) {
        return (int) (((half >>> 31) & 1) | ((half >>> 62) & 2));
    }

    public static int I64x2_BITMASK(long lo, long hi) {
        return (int) ((lo >>> 63) | (hi >>> 63) << 1);
    }

    // ---- Widening building blocks: 32 bits of a half (its four bytes, two i16 lanes or one i32 lane) become a
    // whole half of wider lanes. extend serves extend_low/high and the loadNxM instructions, extmul the extmuls.

    /** Spreads the four bytes to the low bytes of four 16-bit lanes, in two doubling steps. */
    public static long extend8to16U(int q) {
        long x = q & LOW32;
        x = (x | x << 16) & 0x0000_FFFF_0000_FFFFL;
        return (x | x << 8) & 0x00FF_00FF_00FF_00FFL;
    }

    /** The unsigned spread with each negative byte's upper byte filled with ones. */
    public static long extend8to16S(int q) {
        long x = extend8to16U(q);
        return x | ((x & 0x0080_0080_0080_0080L) >>> 7) * 0xFF00;
    }

    public static long extend16to32U(int q) {
        return (q & 0xFFFFL) | (q & 0xFFFF_0000L) << 16;
    }

    public static long extend16to32S(int q) {
        return pack32((short) q, q >> 16);
    }

    public static long extend32to64U(int q) {
        return q & LOW32;
    }

    public static long extend32to64S(int q) {
        return q;
    }

    /** The widened lanes' product never overflows the wider lane, so the wrapping lane-wise multiply is exact. */
    public static long extmul8to16U(int a, int b) {
        return I16x8_MUL(extend8to16U(a), extend8to16U(b));
    }

    public static long extmul8to16S(int a, int b) {
        return I16x8_MUL(extend8to16S(a), extend8to16S(b));
    }

    public static long extmul16to32U(int a, int b) {
        return I32x4_MUL(extend16to32U(a), extend16to32U(b));
    }

    public static long extmul16to32S(int a, int b) {
        return I32x4_MUL(extend16to32S(a), extend16to32S(b));
    }

    /** The 64-bit product's bits are the same whether the 64-bit multiply wraps or not. */
    public static long extmul32to64U(int a, int b) {
        return (a & LOW32) * (b & LOW32);
    }

    public static long extmul32to64S(int a, int b) {
        return (long) a * b;
    }

    // ---- Byte permutations. A long shift uses only the low 6 bits of its count, so shifting by index << 3 picks
    // the byte within the half that bit 3 of the index (and bit 4, between the vectors) selected.

    /** One result half from selector half {@code s}: out-of-range selectors (16 and up) give 0. */
    public static long I8x16_SWIZZLE(long aLo, long aHi, long s) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            int index = (int) (s >>> i) & 0xFF;
            long source = (index & 8) == 0 ? aLo : aHi;
            long value = index < 16 ? (source >>> (index << 3)) & 0xFF : 0;
            r |= value << i;
        }
        return r;
    }

    /** One result half of {@code i8x16.shuffle}: byte i of {@code lanes} indexes the 32 bytes of a then b. */
    public static long shuffleHalf(long aLo, long aHi, long bLo, long bHi, long lanes) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            int index = (int) (lanes >>> i);
            long source = (index & 16) == 0 ? ((index & 8) == 0 ? aLo : aHi) : ((index & 8) == 0 ? bLo : bHi);
            r |= ((source >>> (index << 3)) & 0xFF) << i;
        }
        return r;
    }

    // ---- Splats: one half, which the caller uses twice.

    public static long I8x16_SPLAT(int v) {
        return L8 * (v & 0xFF);
    }

    public static long I16x8_SPLAT(int v) {
        return L16 * (v & 0xFFFF);
    }

    public static long I32x4_SPLAT(int v) {
        return 0x0000_0001_0000_0001L * (v & LOW32);
    }

    public static long F32x4_SPLAT(float v) {
        return I32x4_SPLAT(Float.floatToRawIntBits(v));
    }

    // ---- Single lanes of a half (the caller picks the half, and passes the lane's index within it).

    public static int byteLaneS(long half, int lane) {
        return (byte) (half >>> (lane << 3));
    }

    public static int byteLaneU(long half, int lane) {
        return (int) (half >>> (lane << 3)) & 0xFF;
    }

    public static int shortLaneS(long half, int lane) {
        return (short) (half >>> (lane << 4));
    }

    public static int shortLaneU(long half, int lane) {
        return (int) (half >>> (lane << 4)) & 0xFFFF;
    }

    public static int intLane(long half, int lane) {
        return (int) (half >>> (lane << 5));
    }

    /** The lane's bits as they are: a NaN keeps its payload. */
    public static float floatLane(long half, int lane) {
        return Float.intBitsToFloat(intLane(half, lane));
    }

    public static long withByteLane(long half, int lane, int v) {
        int shift = lane << 3;
        return (half & ~(0xFFL << shift)) | (v & 0xFFL) << shift;
    }

    public static long withShortLane(long half, int lane, int v) {
        int shift = lane << 4;
        return (half & ~(0xFFFFL << shift)) | (v & 0xFFFFL) << shift;
    }

    public static long withIntLane(long half, int lane, int v) {
        int shift = lane << 5;
        return (half & ~(LOW32 << shift)) | (v & LOW32) << shift;
    }

    public static long withFloatLane(long half, int lane, float v) {
        return withIntLane(half, lane, Float.floatToRawIntBits(v));
    }
}
