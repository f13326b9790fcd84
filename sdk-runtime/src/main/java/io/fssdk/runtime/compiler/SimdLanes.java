package io.fssdk.runtime.compiler;

/**
 * The lane arithmetic of the fixed-width SIMD instructions, on the encoding generated code keeps a {@code v128} in:
 * two {@code long}s, {@code lo} holding bytes 0–7 of the vector and {@code hi} bytes 8–15, little-endian (byte 0 is
 * bits 0–7 of {@code lo}). A lane never straddles the halves, so lane {@code k} of a shape with {@code n} lanes per
 * half is lane {@code k % n} of {@code lo} or {@code hi}, and f32 lanes are raw float bits where the i32 lanes are.
 * Two longs rather than an object or an array because a vector operation then allocates nothing (a hot loop runs
 * one per element), and because it is how Chicory's interpreter keeps a {@code v128} on its stack, so vectors
 * cross between the two engines unchanged.
 *
 * <p>A method named after a Chicory {@code OpCode} implements that instruction: {@link SimdOps} finds it by
 * reflection and infers from its signature how the halves combine (most are lane-wise and run once per half).
 * lowerCamel methods are building blocks several instructions share. Each is a small, branch-light,
 * allocation-free pure function for C2 to inline; 8- and 16-bit lanes use the standard SWAR (SIMD within a
 * register) tricks on a whole half where they are simple, plain per-lane code elsewhere. The semantics are the
 * WebAssembly spec's exactly, NaN and rounding rules included.
 *
 * <p>Public only for the generated classes (see {@link GuestContext}); nothing outside this package and the
 * generated code may call it.
 */
public final class SimdLanes {
    /** The low bit of each byte; times a byte value, that value in every byte. */
    private static final long L8 = 0x0101_0101_0101_0101L;
    /** The top bit of each byte: the sign bits, and where SWAR results land. */
    private static final long H8 = 0x8080_8080_8080_8080L;
    /** All but the top bit of each byte. */
    private static final long M8 = ~H8;
    private static final long L16 = 0x0001_0001_0001_0001L;
    private static final long H16 = 0x8000_8000_8000_8000L;
    private static final long M16 = ~H16;
    private static final long H32 = 0x8000_0000_8000_0000L;
    private static final long M32 = ~H32;
    private static final long LOW32 = 0xFFFF_FFFFL;
    private static final long HIGH32 = ~LOW32;

    private SimdLanes() {
    }

    // ---- SWAR building blocks. A carry or borrow must not cross lanes, so the top bit of each lane is computed
    // apart (by xor) from the low bits, whose sum cannot overflow the lane. "Top-bit masks" have one bit per lane.

    private static long add8(long a, long b) {
        return ((a & M8) + (b & M8)) ^ ((a ^ b) & H8);
    }

    private static long sub8(long a, long b) {
        return ((a | H8) - (b & M8)) ^ ((a ^ ~b) & H8);
    }

    /** The top-bit mask of the non-zero bytes. */
    private static long nonZero8(long x) {
        return (((x & M8) + M8) | x) & H8;
    }

    /** The top-bit mask of the lanes where {@code a < b} unsigned: the borrow out of each lane's subtraction. */
    private static long below8(long a, long b) {
        return ((~a & b) | (~(a ^ b) & sub8(a, b))) & H8;
    }

    /** A top-bit mask widened to whole lanes of ones (each lane's multiplication stays inside the lane). */
    private static long fill8(long topBits) {
        return (topBits >>> 7) * 0xFF;
    }

    private static long add16(long a, long b) {
        return ((a & M16) + (b & M16)) ^ ((a ^ b) & H16);
    }

    private static long sub16(long a, long b) {
        return ((a | H16) - (b & M16)) ^ ((a ^ ~b) & H16);
    }

    private static long nonZero16(long x) {
        return (((x & M16) + M16) | x) & H16;
    }

    private static long below16(long a, long b) {
        return ((~a & b) | (~(a ^ b) & sub16(a, b))) & H16;
    }

    private static long fill16(long topBits) {
        return (topBits >>> 15) * 0xFFFF;
    }

    private static long nonZero32(long x) {
        return (((x & M32) + M32) | x) & H32;
    }

    /** {@code a} where {@code mask} is set, {@code b} elsewhere. */
    private static long select(long mask, long a, long b) {
        return (a & mask) | (b & ~mask);
    }

    // ---- 32- and 64-bit lanes are few enough to name one by one.

    private static int lo32(long half) {
        return (int) half;
    }

    private static int hi32(long half) {
        return (int) (half >>> 32);
    }

    private static long pack32(int lane0, int lane1) {
        return (lane0 & LOW32) | ((long) lane1 << 32);
    }

    private static long mask32(boolean lane0, boolean lane1) {
        return (lane0 ? LOW32 : 0) | (lane1 ? HIGH32 : 0);
    }

    private static long mask64(boolean lane) {
        return lane ? -1L : 0L;
    }

    private static float f32lo(long half) {
        return Float.intBitsToFloat((int) half);
    }

    private static float f32hi(long half) {
        return Float.intBitsToFloat((int) (half >>> 32));
    }

    private static long packF32(float lane0, float lane1) {
        return pack32(Float.floatToRawIntBits(lane0), Float.floatToRawIntBits(lane1));
    }

    private static double f64(long half) {
        return Double.longBitsToDouble(half);
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    // ---- Bitwise.

    public static long V128_NOT(long a) {
        return ~a;
    }

    public static long V128_AND(long a, long b) {
        return a & b;
    }

    public static long V128_ANDNOT(long a, long b) {
        return a & ~b;
    }

    public static long V128_OR(long a, long b) {
        return a | b;
    }

    public static long V128_XOR(long a, long b) {
        return a ^ b;
    }

    /** Bits of {@code a} where {@code c} is set, of {@code b} elsewhere. */
    public static long V128_BITSELECT(long a, long b, long c) {
        return select(c, a, b);
    }

    // ---- i8x16 comparisons: a signed comparison is the unsigned one with the sign bits flipped.

    public static long I8x16_EQ(long a, long b) {
        return ~fill8(nonZero8(a ^ b));
    }

    public static long I8x16_NE(long a, long b) {
        return fill8(nonZero8(a ^ b));
    }

    public static long I8x16_LT_S(long a, long b) {
        return fill8(below8(a ^ H8, b ^ H8));
    }

    public static long I8x16_LT_U(long a, long b) {
        return fill8(below8(a, b));
    }

    public static long I8x16_GT_S(long a, long b) {
        return I8x16_LT_S(b, a);
    }

    public static long I8x16_GT_U(long a, long b) {
        return I8x16_LT_U(b, a);
    }

    public static long I8x16_LE_S(long a, long b) {
        return ~I8x16_LT_S(b, a);
    }

    public static long I8x16_LE_U(long a, long b) {
        return ~I8x16_LT_U(b, a);
    }

    public static long I8x16_GE_S(long a, long b) {
        return ~I8x16_LT_S(a, b);
    }

    public static long I8x16_GE_U(long a, long b) {
        return ~I8x16_LT_U(a, b);
    }

    // ---- i16x8 comparisons.

    public static long I16x8_EQ(long a, long b) {
        return ~fill16(nonZero16(a ^ b));
    }

    public static long I16x8_NE(long a, long b) {
        return fill16(nonZero16(a ^ b));
    }

    public static long I16x8_LT_S(long a, long b) {
        return fill16(below16(a ^ H16, b ^ H16));
    }

    public static long I16x8_LT_U(long a, long b) {
        return fill16(below16(a, b));
    }

    public static long I16x8_GT_S(long a, long b) {
        return I16x8_LT_S(b, a);
    }

    public static long I16x8_GT_U(long a, long b) {
        return I16x8_LT_U(b, a);
    }

    public static long I16x8_LE_S(long a, long b) {
        return ~I16x8_LT_S(b, a);
    }

    public static long I16x8_LE_U(long a, long b) {
        return ~I16x8_LT_U(b, a);
    }

    public static long I16x8_GE_S(long a, long b) {
        return ~I16x8_LT_S(a, b);
    }

    public static long I16x8_GE_U(long a, long b) {
        return ~I16x8_LT_U(a, b);
    }

    // ---- i32x4 comparisons.

    public static long I32x4_EQ(long a, long b) {
        return mask32(lo32(a) == lo32(b), hi32(a) == hi32(b));
    }

    public static long I32x4_NE(long a, long b) {
        return ~I32x4_EQ(a, b);
    }

    public static long I32x4_LT_S(long a, long b) {
        return mask32(lo32(a) < lo32(b), hi32(a) < hi32(b));
    }

    public static long I32x4_LT_U(long a, long b) {
        return I32x4_LT_S(a ^ H32, b ^ H32);
    }

    public static long I32x4_GT_S(long a, long b) {
        return I32x4_LT_S(b, a);
    }

    public static long I32x4_GT_U(long a, long b) {
        return I32x4_LT_U(b, a);
    }

    public static long I32x4_LE_S(long a, long b) {
        return ~I32x4_LT_S(b, a);
    }

    public static long I32x4_LE_U(long a, long b) {
        return ~I32x4_LT_U(b, a);
    }

    public static long I32x4_GE_S(long a, long b) {
        return ~I32x4_LT_S(a, b);
    }

    public static long I32x4_GE_U(long a, long b) {
        return ~I32x4_LT_U(a, b);
    }

    // ---- i64x2 comparisons (a half is one lane).

    public static long I64x2_EQ(long a, long b) {
        return mask64(a == b);
    }

    public static long I64x2_NE(long a, long b) {
        return mask64(a != b);
    }

    public static long I64x2_LT_S(long a, long b) {
        return mask64(a < b);
    }

    public static long I64x2_GT_S(long a, long b) {
        return mask64(a > b);
    }

    public static long I64x2_LE_S(long a, long b) {
        return mask64(a <= b);
    }

    public static long I64x2_GE_S(long a, long b) {
        return mask64(a >= b);
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

    // ---- i8x16 arithmetic. Saturation: unsigned overflow shows as a wrapped sum below an operand; signed
    // overflow as a result whose sign differs from both (add) or from a when the signs differ (sub), and it
    // saturates toward a's sign (0x7f + 1 = 0x80 for a negative lane, without leaving the lane).

    public static long I8x16_ADD(long a, long b) {
        return add8(a, b);
    }

    public static long I8x16_SUB(long a, long b) {
        return sub8(a, b);
    }

    public static long I8x16_ADD_SAT_S(long a, long b) {
        long sum = add8(a, b);
        long overflow = fill8(~(a ^ b) & (a ^ sum) & H8);
        return select(overflow, M8 + ((a & H8) >>> 7), sum);
    }

    public static long I8x16_ADD_SAT_U(long a, long b) {
        long sum = add8(a, b);
        return sum | fill8(below8(sum, a));
    }

    public static long I8x16_SUB_SAT_S(long a, long b) {
        long diff = sub8(a, b);
        long overflow = fill8((a ^ b) & (a ^ diff) & H8);
        return select(overflow, M8 + ((a & H8) >>> 7), diff);
    }

    public static long I8x16_SUB_SAT_U(long a, long b) {
        return sub8(a, b) & ~fill8(below8(a, b));
    }

    public static long I8x16_MIN_S(long a, long b) {
        return select(I8x16_LT_S(a, b), a, b);
    }

    public static long I8x16_MIN_U(long a, long b) {
        return select(I8x16_LT_U(a, b), a, b);
    }

    public static long I8x16_MAX_S(long a, long b) {
        return select(I8x16_LT_S(a, b), b, a);
    }

    public static long I8x16_MAX_U(long a, long b) {
        return select(I8x16_LT_U(a, b), b, a);
    }

    /** {@code (a + b + 1) >>> 1} as {@code (a | b) - ((a ^ b) >>> 1)}, which never leaves the lane. */
    public static long I8x16_AVGR_U(long a, long b) {
        return (a | b) - (((a ^ b) >>> 1) & M8);
    }

    public static long I8x16_ABS(long a) {
        long negative = fill8(a & H8);
        return sub8(a ^ negative, negative);
    }

    public static long I8x16_NEG(long a) {
        return sub8(0, a);
    }

    /** The classic bit count, stopped before it sums the bytes. */
    public static long I8x16_POPCNT(long a) {
        long x = a - ((a >>> 1) & 0x5555_5555_5555_5555L);
        x = (x & 0x3333_3333_3333_3333L) + ((x >>> 2) & 0x3333_3333_3333_3333L);
        return (x + (x >>> 4)) & 0x0F0F_0F0F_0F0F_0F0FL;
    }

    // ---- i16x8 arithmetic: as i8x16.

    public static long I16x8_ADD(long a, long b) {
        return add16(a, b);
    }

    public static long I16x8_SUB(long a, long b) {
        return sub16(a, b);
    }

    public static long I16x8_ADD_SAT_S(long a, long b) {
        long sum = add16(a, b);
        long overflow = fill16(~(a ^ b) & (a ^ sum) & H16);
        return select(overflow, M16 + ((a & H16) >>> 15), sum);
    }

    public static long I16x8_ADD_SAT_U(long a, long b) {
        long sum = add16(a, b);
        return sum | fill16(below16(sum, a));
    }

    public static long I16x8_SUB_SAT_S(long a, long b) {
        long diff = sub16(a, b);
        long overflow = fill16((a ^ b) & (a ^ diff) & H16);
        return select(overflow, M16 + ((a & H16) >>> 15), diff);
    }

    public static long I16x8_SUB_SAT_U(long a, long b) {
        return sub16(a, b) & ~fill16(below16(a, b));
    }

    /** A product's low 16 bits depend only on the factors' low 16 bits, so the lanes above them do no harm. */
    public static long I16x8_MUL(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 16) {
            r |= (((a >>> s) * (b >>> s)) & 0xFFFF) << s;
        }
        return r;
    }

    public static long I16x8_MIN_S(long a, long b) {
        return select(I16x8_LT_S(a, b), a, b);
    }

    public static long I16x8_MIN_U(long a, long b) {
        return select(I16x8_LT_U(a, b), a, b);
    }

    public static long I16x8_MAX_S(long a, long b) {
        return select(I16x8_LT_S(a, b), b, a);
    }

    public static long I16x8_MAX_U(long a, long b) {
        return select(I16x8_LT_U(a, b), b, a);
    }

    public static long I16x8_AVGR_U(long a, long b) {
        return (a | b) - (((a ^ b) >>> 1) & M16);
    }

    /** Only -32768 × -32768 overflows (to 32768), so only the upper bound needs the clamp. */
    public static long I16x8_Q15MULR_SAT_S(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 16) {
            int p = ((short) (a >>> s) * (short) (b >>> s) + 0x4000) >> 15;
            r |= (long) (Math.min(p, Short.MAX_VALUE) & 0xFFFF) << s;
        }
        return r;
    }

    public static long I16x8_ABS(long a) {
        long negative = fill16(a & H16);
        return sub16(a ^ negative, negative);
    }

    public static long I16x8_NEG(long a) {
        return sub16(0, a);
    }

    // ---- i32x4 and i64x2 arithmetic: Java's int and long arithmetic wraps as wasm's does.

    public static long I32x4_ADD(long a, long b) {
        return pack32(lo32(a) + lo32(b), hi32(a) + hi32(b));
    }

    public static long I32x4_SUB(long a, long b) {
        return pack32(lo32(a) - lo32(b), hi32(a) - hi32(b));
    }

    public static long I32x4_MUL(long a, long b) {
        return pack32(lo32(a) * lo32(b), hi32(a) * hi32(b));
    }

    public static long I32x4_MIN_S(long a, long b) {
        return pack32(Math.min(lo32(a), lo32(b)), Math.min(hi32(a), hi32(b)));
    }

    /** Flipping the sign bits maps unsigned order onto signed order. */
    public static long I32x4_MIN_U(long a, long b) {
        return I32x4_MIN_S(a ^ H32, b ^ H32) ^ H32;
    }

    public static long I32x4_MAX_S(long a, long b) {
        return pack32(Math.max(lo32(a), lo32(b)), Math.max(hi32(a), hi32(b)));
    }

    public static long I32x4_MAX_U(long a, long b) {
        return I32x4_MAX_S(a ^ H32, b ^ H32) ^ H32;
    }

    /** Each i32 lane sums the products of the two i16 lanes it covers; only 2 × (-32768)² wraps, as wasm wraps. */
    public static long I32x4_DOT_I16x8_S(long a, long b) {
        int lane0 = (short) a * (short) b + (short) (a >>> 16) * (short) (b >>> 16);
        int lane1 = (short) (a >>> 32) * (short) (b >>> 32) + (short) (a >>> 48) * (short) (b >>> 48);
        return pack32(lane0, lane1);
    }

    public static long I32x4_ABS(long a) {
        return pack32(Math.abs(lo32(a)), Math.abs(hi32(a)));
    }

    public static long I32x4_NEG(long a) {
        return pack32(-lo32(a), -hi32(a));
    }

    public static long I64x2_ADD(long a, long b) {
        return a + b;
    }

    public static long I64x2_SUB(long a, long b) {
        return a - b;
    }

    public static long I64x2_MUL(long a, long b) {
        return a * b;
    }

    public static long I64x2_ABS(long a) {
        return Math.abs(a);
    }

    public static long I64x2_NEG(long a) {
        return -a;
    }

    // ---- Pairwise widening adds: the pairs never straddle the halves. The signed i8 form biases each byte by
    // 128 (flipping its sign bit) so it can use the unsigned sum, then takes the 256 back off.

    public static long I16x8_EXTADD_PAIRWISE_I8x16_U(long a) {
        return (a & 0x00FF_00FF_00FF_00FFL) + ((a >>> 8) & 0x00FF_00FF_00FF_00FFL);
    }

    public static long I16x8_EXTADD_PAIRWISE_I8x16_S(long a) {
        return sub16(I16x8_EXTADD_PAIRWISE_I8x16_U(a ^ H8), 0x0100_0100_0100_0100L);
    }

    public static long I32x4_EXTADD_PAIRWISE_I16x8_U(long a) {
        return (a & 0x0000_FFFF_0000_FFFFL) + ((a >>> 16) & 0x0000_FFFF_0000_FFFFL);
    }

    public static long I32x4_EXTADD_PAIRWISE_I16x8_S(long a) {
        return pack32((short) a + (short) (a >>> 16), (short) (a >>> 32) + (short) (a >>> 48));
    }

    // ---- Shifts: the count is taken modulo the lane width. Java masks int and long shift counts itself; for
    // bytes and shorts the whole half shifts and a mask drops the bits that crossed into a neighbouring lane.

    public static long I8x16_SHL(long a, int count) {
        int n = count & 7;
        return (a << n) & (L8 * ((0xFF << n) & 0xFF));
    }

    public static long I8x16_SHR_U(long a, int count) {
        int n = count & 7;
        return (a >>> n) & (L8 * (0xFF >>> n));
    }

    public static long I8x16_SHR_S(long a, int count) {
        long kept = L8 * (0xFF >>> (count & 7));
        return select(kept, a >>> (count & 7), fill8(a & H8));
    }

    public static long I16x8_SHL(long a, int count) {
        int n = count & 15;
        return (a << n) & (L16 * ((0xFFFF << n) & 0xFFFF));
    }

    public static long I16x8_SHR_U(long a, int count) {
        int n = count & 15;
        return (a >>> n) & (L16 * (0xFFFF >>> n));
    }

    public static long I16x8_SHR_S(long a, int count) {
        long kept = L16 * (0xFFFF >>> (count & 15));
        return select(kept, a >>> (count & 15), fill16(a & H16));
    }

    public static long I32x4_SHL(long a, int count) {
        return pack32(lo32(a) << count, hi32(a) << count);
    }

    public static long I32x4_SHR_S(long a, int count) {
        return pack32(lo32(a) >> count, hi32(a) >> count);
    }

    public static long I32x4_SHR_U(long a, int count) {
        return pack32(lo32(a) >>> count, hi32(a) >>> count);
    }

    public static long I64x2_SHL(long a, int count) {
        return a << count;
    }

    public static long I64x2_SHR_S(long a, int count) {
        return a >> count;
    }

    public static long I64x2_SHR_U(long a, int count) {
        return a >>> count;
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
