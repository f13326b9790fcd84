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
 * <p>This class holds the integer lane-wise operations and the helpers all three lane classes share;
 * {@link SimdFloatLanes} the float ones, {@link SimdVectorLanes} those that mix lanes or halves. A method named
 * after a Chicory {@code OpCode} implements that instruction: {@link SimdOps} finds it by reflection and infers
 * from its signature how the halves combine (most are lane-wise and run once per half).
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
    static final long L8 = 0x0101_0101_0101_0101L;
    /** The top bit of each byte: the sign bits, and where SWAR results land. */
    static final long H8 = 0x8080_8080_8080_8080L;
    /** All but the top bit of each byte. */
    static final long M8 = ~H8;
    static final long L16 = 0x0001_0001_0001_0001L;
    static final long H16 = 0x8000_8000_8000_8000L;
    static final long M16 = ~H16;
    static final long H32 = 0x8000_0000_8000_0000L;
    static final long M32 = ~H32;
    static final long LOW32 = 0xFFFF_FFFFL;
    static final long HIGH32 = ~LOW32;

    private SimdLanes() {
    }

    // ---- SWAR building blocks. A carry or borrow must not cross lanes, so the top bit of each lane is computed
    // apart (by xor) from the low bits, whose sum cannot overflow the lane. "Top-bit masks" have one bit per lane.

    static long add8(long a, long b) {
        return ((a & M8) + (b & M8)) ^ ((a ^ b) & H8);
    }

    static long sub8(long a, long b) {
        return ((a | H8) - (b & M8)) ^ ((a ^ ~b) & H8);
    }

    /** The top-bit mask of the non-zero bytes. */
    static long nonZero8(long x) {
        return (((x & M8) + M8) | x) & H8;
    }

    /** The top-bit mask of the lanes where {@code a < b} unsigned: the borrow out of each lane's subtraction. */
    static long below8(long a, long b) {
        return ((~a & b) | (~(a ^ b) & sub8(a, b))) & H8;
    }

    /** A top-bit mask widened to whole lanes of ones (each lane's multiplication stays inside the lane). */
    static long fill8(long topBits) {
        return (topBits >>> 7) * 0xFF;
    }

    static long add16(long a, long b) {
        return ((a & M16) + (b & M16)) ^ ((a ^ b) & H16);
    }

    static long sub16(long a, long b) {
        return ((a | H16) - (b & M16)) ^ ((a ^ ~b) & H16);
    }

    static long nonZero16(long x) {
        return (((x & M16) + M16) | x) & H16;
    }

    static long below16(long a, long b) {
        return ((~a & b) | (~(a ^ b) & sub16(a, b))) & H16;
    }

    static long fill16(long topBits) {
        return (topBits >>> 15) * 0xFFFF;
    }

    static long nonZero32(long x) {
        return (((x & M32) + M32) | x) & H32;
    }

    /** {@code a} where {@code mask} is set, {@code b} elsewhere. */
    static long select(long mask, long a, long b) {
        return (a & mask) | (b & ~mask);
    }

    // ---- 32- and 64-bit lanes are few enough to name one by one.

    static int lo32(long half) {
        return (int) half;
    }

    static int hi32(long half) {
        return (int) (half >>> 32);
    }

    static long pack32(int lane0, int lane1) {
        return (lane0 & LOW32) | ((long) lane1 << 32);
    }

    static long mask32(boolean lane0, boolean lane1) {
        return (lane0 ? LOW32 : 0) | (lane1 ? HIGH32 : 0);
    }

    static long mask64(boolean lane) {
        return lane ? -1L : 0L;
    }

    static float f32lo(long half) {
        return Float.intBitsToFloat((int) half);
    }

    static float f32hi(long half) {
        return Float.intBitsToFloat((int) (half >>> 32));
    }

    static long packF32(float lane0, float lane1) {
        return pack32(Float.floatToRawIntBits(lane0), Float.floatToRawIntBits(lane1));
    }

    static double f64(long half) {
        return Double.longBitsToDouble(half);
    }

    static long bits(double v) {
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
}
