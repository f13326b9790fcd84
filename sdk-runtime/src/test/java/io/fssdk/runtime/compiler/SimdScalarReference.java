package io.fssdk.runtime.compiler;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * The spec's scalar definitions {@link SimdLanesTest} applies lane by lane: masks, saturation, wasm's float min,
 * max, rounding and saturating truncation, over lane values carried as longs (raw bits for floats).
 */
final class SimdScalarReference {
    static long m(boolean c) {
        return c ? -1 : 0;
    }

    static long u8(long x) {
        return x & 0xFF;
    }

    static long u16(long x) {
        return x & 0xFFFF;
    }

    static long u32(long x) {
        return x & 0xFFFF_FFFFL;
    }

    static long clamp(long x, long min, long max) {
        return Math.min(Math.max(x, min), max);
    }

    static float f(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    static long fb(float v) {
        return Float.floatToRawIntBits(v);
    }

    static long db(double v) {
        return Double.doubleToRawLongBits(v);
    }

    static boolean negativeZero(double x) {
        return x == 0 && 1 / x < 0;
    }

    /** The spec's fmin: NaN if either is, -0 below +0. */
    static double wasmMin(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        if (x == 0 && y == 0) {
            return negativeZero(x) || negativeZero(y) ? -0.0 : 0.0;
        }
        return x < y ? x : y;
    }

    static double wasmMax(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        if (x == 0 && y == 0) {
            return negativeZero(x) && negativeZero(y) ? -0.0 : 0.0;
        }
        return x > y ? x : y;
    }

    /** Rounding to an integer in exact decimal arithmetic; a zero result keeps the operand's sign. */
    static double round(double x, RoundingMode mode) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        double r = new BigDecimal(x).setScale(0, mode).doubleValue();
        return r == 0 ? Math.copySign(0.0, x) : r;
    }

    static long truncSatS(double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        if (x <= Integer.MIN_VALUE) {
            return Integer.MIN_VALUE;
        }
        if (x >= 2147483648d) {
            return Integer.MAX_VALUE;
        }
        return (long) x;
    }

    static long truncSatU(double x) {
        if (Double.isNaN(x) || x <= -1) {
            return 0;
        }
        if (x >= 4294967296d) {
            return 0xFFFF_FFFFL;
        }
        return (long) x;
    }

    interface F32Op {
        float apply(float x, float y);
    }

    interface F32Test {
        boolean apply(float x, float y);
    }

    interface F64Test {
        boolean apply(double x, double y);
    }

    static LongBinaryOperator f32(F32Op op) {
        return (x, y) -> fb(op.apply(f(x), f(y)));
    }

    static LongBinaryOperator f32Test(F32Test op) {
        return (x, y) -> m(op.apply(f(x), f(y)));
    }

    static LongBinaryOperator f64(DoubleBinaryOperator op) {
        return (x, y) -> db(op.applyAsDouble(d(x), d(y)));
    }

    static LongBinaryOperator f64Test(F64Test op) {
        return (x, y) -> m(op.apply(d(x), d(y)));
    }

    static LongUnaryOperator f32Round(RoundingMode mode) {
        return x -> fb((float) round(f(x), mode));
    }

    static LongUnaryOperator f64Round(RoundingMode mode) {
        return x -> db(round(d(x), mode));
    }

    private SimdScalarReference() {
    }
}
