package io.fssdk.runtime.compiler;

import static io.fssdk.runtime.compiler.SimdLanes.*;

/**
 * The float lanes of the fixed-width SIMD instructions: comparisons, arithmetic and conversions of f32x4 and
 * f64x2, on one 64-bit half at a time, in the encoding and with the conventions of {@link SimdLanes} (which also
 * holds the shared lane helpers). Public only for the generated classes.
 */
public final class SimdFloatLanes {
    private SimdFloatLanes() {
    }

    // ---- Float comparisons: Java's operators are IEEE's (false on NaN, but != is true).

    public static long F32x4_EQ(long a, long b) {
        return mask32(f32lo(a) == f32lo(b), f32hi(a) == f32hi(b));
    }

    public static long F32x4_NE(long a, long b) {
        return mask32(f32lo(a) != f32lo(b), f32hi(a) != f32hi(b));
    }

    public static long F32x4_LT(long a, long b) {
        return mask32(f32lo(a) < f32lo(b), f32hi(a) < f32hi(b));
    }

    public static long F32x4_GT(long a, long b) {
        return mask32(f32lo(a) > f32lo(b), f32hi(a) > f32hi(b));
    }

    public static long F32x4_LE(long a, long b) {
        return mask32(f32lo(a) <= f32lo(b), f32hi(a) <= f32hi(b));
    }

    public static long F32x4_GE(long a, long b) {
        return mask32(f32lo(a) >= f32lo(b), f32hi(a) >= f32hi(b));
    }

    public static long F64x2_EQ(long a, long b) {
        return mask64(f64(a) == f64(b));
    }

    public static long F64x2_NE(long a, long b) {
        return mask64(f64(a) != f64(b));
    }

    public static long F64x2_LT(long a, long b) {
        return mask64(f64(a) < f64(b));
    }

    public static long F64x2_GT(long a, long b) {
        return mask64(f64(a) > f64(b));
    }

    public static long F64x2_LE(long a, long b) {
        return mask64(f64(a) <= f64(b));
    }

    public static long F64x2_GE(long a, long b) {
        return mask64(f64(a) >= f64(b));
    }

    // ---- Float arithmetic. Math.min and Math.max already follow wasm (NaN wins, -0 < +0); pmin and pmax are
    // bare comparisons that return an operand's own bits, and abs and neg touch only the sign bit, so NaN payloads
    // pass through untouched where the spec says they must.

    public static long F32x4_ADD(long a, long b) {
        return packF32(f32lo(a) + f32lo(b), f32hi(a) + f32hi(b));
    }

    public static long F32x4_SUB(long a, long b) {
        return packF32(f32lo(a) - f32lo(b), f32hi(a) - f32hi(b));
    }

    public static long F32x4_MUL(long a, long b) {
        return packF32(f32lo(a) * f32lo(b), f32hi(a) * f32hi(b));
    }

    public static long F32x4_DIV(long a, long b) {
        return packF32(f32lo(a) / f32lo(b), f32hi(a) / f32hi(b));
    }

    public static long F32x4_MIN(long a, long b) {
        return packF32(Math.min(f32lo(a), f32lo(b)), Math.min(f32hi(a), f32hi(b)));
    }

    public static long F32x4_MAX(long a, long b) {
        return packF32(Math.max(f32lo(a), f32lo(b)), Math.max(f32hi(a), f32hi(b)));
    }

    public static long F32x4_PMIN(long a, long b) {
        return select(F32x4_LT(b, a), b, a);
    }

    public static long F32x4_PMAX(long a, long b) {
        return select(F32x4_LT(a, b), b, a);
    }

    public static long F32x4_ABS(long a) {
        return a & M32;
    }

    public static long F32x4_NEG(long a) {
        return a ^ H32;
    }

    /** Correctly rounded: a double carries more than twice a float's precision, so rounding twice is exact. */
    public static long F32x4_SQRT(long a) {
        return packF32((float) Math.sqrt(f32lo(a)), (float) Math.sqrt(f32hi(a)));
    }

    // An integral value of a float is a float again, so rounding in double and narrowing back is exact.

    public static long F32x4_CEIL(long a) {
        return packF32((float) Math.ceil(f32lo(a)), (float) Math.ceil(f32hi(a)));
    }

    public static long F32x4_FLOOR(long a) {
        return packF32((float) Math.floor(f32lo(a)), (float) Math.floor(f32hi(a)));
    }

    public static long F32x4_TRUNC(long a) {
        return packF32((float) trunc(f32lo(a)), (float) trunc(f32hi(a)));
    }

    public static long F32x4_NEAREST(long a) {
        return packF32((float) Math.rint(f32lo(a)), (float) Math.rint(f32hi(a)));
    }

    /** Toward zero, keeping the sign of a zero result (-0.5 gives -0.0). */
    private static double trunc(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }

    public static long F64x2_ADD(long a, long b) {
        return bits(f64(a) + f64(b));
    }

    public static long F64x2_SUB(long a, long b) {
        return bits(f64(a) - f64(b));
    }

    public static long F64x2_MUL(long a, long b) {
        return bits(f64(a) * f64(b));
    }

    public static long F64x2_DIV(long a, long b) {
        return bits(f64(a) / f64(b));
    }

    public static long F64x2_MIN(long a, long b) {
        return bits(Math.min(f64(a), f64(b)));
    }

    public static long F64x2_MAX(long a, long b) {
        return bits(Math.max(f64(a), f64(b)));
    }

    public static long F64x2_PMIN(long a, long b) {
        return f64(b) < f64(a) ? b : a;
    }

    public static long F64x2_PMAX(long a, long b) {
        return f64(a) < f64(b) ? b : a;
    }

    public static long F64x2_ABS(long a) {
        return a & Long.MAX_VALUE;
    }

    public static long F64x2_NEG(long a) {
        return a ^ Long.MIN_VALUE;
    }

    public static long F64x2_SQRT(long a) {
        return bits(Math.sqrt(f64(a)));
    }

    public static long F64x2_CEIL(long a) {
        return bits(Math.ceil(f64(a)));
    }

    public static long F64x2_FLOOR(long a) {
        return bits(Math.floor(f64(a)));
    }

    public static long F64x2_TRUNC(long a) {
        return bits(trunc(f64(a)));
    }

    public static long F64x2_NEAREST(long a) {
        return bits(Math.rint(f64(a)));
    }

    // ---- Conversions. Java's float-to-int casts already saturate and send NaN to 0, which is trunc_sat_s;
    // the unsigned form goes through long (also saturating) and clamps to the u32 range.

    private static int truncSatU(double v) {
        return (int) Math.min(Math.max((long) v, 0L), LOW32);
    }

    public static long I32x4_TRUNC_SAT_F32X4_S(long a) {
        return pack32((int) f32lo(a), (int) f32hi(a));
    }

    public static long I32x4_TRUNC_SAT_F32X4_U(long a) {
        return pack32(truncSatU(f32lo(a)), truncSatU(f32hi(a)));
    }

    public static long F32x4_CONVERT_I32x4_S(long a) {
        return packF32(lo32(a), hi32(a));
    }

    /** Through long, whose conversion to float rounds correctly (an int's would read the lane as signed). */
    public static long F32x4_CONVERT_I32x4_U(long a) {
        return packF32((float) (a & LOW32), (float) (a >>> 32));
    }

    /** The new low half; the caller zeroes the high half. */
    public static long F32x4_DEMOTE_LOW_F64x2_ZERO(long lo, long hi) {
        return packF32((float) f64(lo), (float) f64(hi));
    }

    /** The new low half; the caller zeroes the high half. */
    public static long I32x4_TRUNC_SAT_F64x2_S_ZERO(long lo, long hi) {
        return pack32((int) f64(lo), (int) f64(hi));
    }

    /** The new low half; the caller zeroes the high half. */
    public static long I32x4_TRUNC_SAT_F64x2_U_ZERO(long lo, long hi) {
        return pack32(truncSatU(f64(lo)), truncSatU(f64(hi)));
    }

    /** One f32 lane (its bits) widened exactly to the bits of an f64 lane. */
    public static long promoteLow(int f32bits) {
        return bits(Float.intBitsToFloat(f32bits));
    }

    /** One i32 lane converted exactly to the bits of an f64 lane. */
    public static long convertS32(int v) {
        return bits(v);
    }

    /** See {@link #convertS32}; the lane read as unsigned. */
    public static long convertU32(int v) {
        return bits(v & LOW32);
    }
}
