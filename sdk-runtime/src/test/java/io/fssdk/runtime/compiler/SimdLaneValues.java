package io.fssdk.runtime.compiler;

import static io.fssdk.runtime.compiler.SimdScalarReference.d;
import static io.fssdk.runtime.compiler.SimdScalarReference.f;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Vectors for {@link SimdLanesTest}: a {@code v128} as its two halves ({@link V}), its lanes of each shape
 * ({@link Lane}) through a little-endian {@link ByteBuffer}, the edge values of each lane type, seeded random
 * lanes, and the comparison of results (any NaN for any NaN where the spec allows it).
 */
final class SimdLaneValues {
    static final long SEED = 0x5EED_51D0L;
    static final int RANDOM = 300;

    record V(long lo, long hi) {
        @Override
        public String toString() {
            return String.format("[lo=%016x hi=%016x]", lo, hi);
        }
    }

    enum Lane {
        I8(1), I16(2), I32(4), I64(8), F32(4), F64(8);

        final int bytes;

        Lane(int bytes) {
            this.bytes = bytes;
        }

        int count() {
            return 16 / bytes;
        }

        boolean isFloat() {
            return this == F32 || this == F64;
        }
    }

    static final long[] I8_EDGES = {0, 1, -1, 2, 0x7F, -0x80, -0x7F, 0x40, 0x3F, -2, 0x55, -0x56};
    static final long[] I16_EDGES = {0, 1, -1, 0x7FFF, -0x8000, -0x7FFF, 0xFF, 0x100, 0x7F, 0x80, -0x80,
        -0x81, 0x4000, 0x3FFF, -2, 0x5555};
    static final long[] I32_EDGES = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1,
        0x7FFF, 0x8000, -0x8000, -0x8001, 0xFFFF, 0x10000, 0x4000_0000, -2, 0x5555_5555};
    static final long[] I64_EDGES = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1,
        0xFFFF_FFFFL, 0x8000_0000L, -0x8000_0000L, 0x4000_0000_0000_0000L, -2};
    static final float[] F32_EDGE_VALUES = {0f, -0f, 1f, -1f, 0.5f, -0.5f, 1.5f, -1.5f, 2.5f, -2.5f, 3.5f,
        0.49999997f, -0.49999997f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE,
        -Float.MAX_VALUE, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, 2147483648f, -2147483648f,
        2147483520f, -2147483904f, 4294967296f, 4294967040f, 8388609f, 8388608.5f, 1e10f, -1e10f, 0.9f, -0.9f};
    static final int[] F32_NANS = {0x7FC0_0000, 0xFFC0_0000, 0x7FA0_0001, 0x7F80_0001, 0xFFFF_FFFF};
    static final double[] F64_EDGE_VALUES = {0d, -0d, 1d, -1d, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.5,
        0.49999999999999994, -0.49999999999999994, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        2147483648d, -2147483648d, -2147483649d, 2147483647.5, -2147483648.9, 4294967295.9, 4294967296d,
        4503599627370497d, 4503599627370496.5, 1e300, -1e300, 3.4028235677973366e38, 3.4028234663852886e38,
        1e39, 1e-46, 7.006492321624085e-46, 1.1754942807573643e-38, 0.9, -0.9, 16777217d};
    static final long[] F64_NANS = {0x7FF8_0000_0000_0000L, 0xFFF8_0000_0000_0000L, 0x7FF0_0000_0000_0001L,
        0x7FF4_0000_0000_0001L, -1L};

    static long[] edges(Lane lane) {
        return switch (lane) {
            case I8 -> I8_EDGES;
            case I16 -> I16_EDGES;
            case I32 -> I32_EDGES;
            case I64 -> I64_EDGES;
            case F32 -> {
                long[] e = new long[F32_EDGE_VALUES.length + F32_NANS.length];
                for (int i = 0; i < F32_EDGE_VALUES.length; i++) {
                    e[i] = Float.floatToRawIntBits(F32_EDGE_VALUES[i]);
                }
                for (int i = 0; i < F32_NANS.length; i++) {
                    e[F32_EDGE_VALUES.length + i] = F32_NANS[i];
                }
                yield e;
            }
            case F64 -> {
                long[] e = new long[F64_EDGE_VALUES.length + F64_NANS.length];
                for (int i = 0; i < F64_EDGE_VALUES.length; i++) {
                    e[i] = Double.doubleToRawLongBits(F64_EDGE_VALUES[i]);
                }
                System.arraycopy(F64_NANS, 0, e, F64_EDGE_VALUES.length, F64_NANS.length);
                yield e;
            }
        };
    }

    /** A lane value: an edge, random bits, or (for floats) a modest number, often one with a fraction of .5. */
    static long randomLane(Random r, Lane lane) {
        long[] e = edges(lane);
        switch (r.nextInt(4)) {
            case 0:
                return e[r.nextInt(e.length)];
            case 1:
                if (lane == Lane.F32) {
                    return Float.floatToRawIntBits((float) (r.nextInt(2001) - 1000) / 2);
                }
                if (lane == Lane.F64) {
                    return Double.doubleToRawLongBits((r.nextInt(2001) - 1000) / 2.0);
                }
                return r.nextInt(7) - 3;
            case 2:
                if (lane == Lane.F32) {
                    return Float.floatToRawIntBits((float) (r.nextGaussian() * Math.pow(10, r.nextInt(12))));
                }
                if (lane == Lane.F64) {
                    return Double.doubleToRawLongBits(r.nextGaussian() * Math.pow(10, r.nextInt(22)));
                }
                return signExtend(r.nextLong(), lane);
            default:
                return signExtend(r.nextLong(), lane);
        }
    }

    static long signExtend(long v, Lane lane) {
        int shift = 64 - 8 * lane.bytes;
        return v << shift >> shift;
    }

    static ByteBuffer buffer(V v) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0, v.lo).putLong(8, v.hi);
    }

    /** The lanes of a vector: sign-extended integers, or raw float bits (f32 bits sign-extended). */
    static long[] lanes(V v, Lane lane) {
        ByteBuffer b = buffer(v);
        long[] out = new long[lane.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (lane.bytes) {
                case 1 -> b.get(i);
                case 2 -> b.getShort(2 * i);
                case 4 -> b.getInt(4 * i);
                default -> b.getLong(8 * i);
            };
        }
        return out;
    }

    static V vector(long[] values, Lane lane) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; i++) {
            switch (lane.bytes) {
                case 1 -> b.put(i, (byte) values[i]);
                case 2 -> b.putShort(2 * i, (short) values[i]);
                case 4 -> b.putInt(4 * i, (int) values[i]);
                default -> b.putLong(8 * i, values[i]);
            }
        }
        return new V(b.getLong(0), b.getLong(8));
    }

    static V randomVector(Random r, Lane lane) {
        long[] values = new long[lane.count()];
        for (int i = 0; i < values.length; i++) {
            values[i] = randomLane(r, lane);
        }
        return vector(values, lane);
    }

    /** Every vector with edge lanes (cycled) and random ones. */
    static List<V> singles(Lane lane) {
        List<V> out = new ArrayList<>();
        long[] e = edges(lane);
        int n = lane.count();
        for (int start = 0; start < e.length; start += n) {
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = e[(start + i) % e.length];
            }
            out.add(vector(values, lane));
        }
        Random r = new Random(SEED + lane.ordinal());
        for (int i = 0; i < RANDOM; i++) {
            out.add(randomVector(r, lane));
        }
        return out;
    }

    /** Every pair of edge lanes, somewhere in some pair of vectors, and random pairs. */
    static List<V[]> pairs(Lane lane) {
        List<V[]> out = new ArrayList<>();
        long[] e = edges(lane);
        int n = lane.count();
        int combos = e.length * e.length;
        for (int start = 0; start < combos; start += n) {
            long[] x = new long[n];
            long[] y = new long[n];
            for (int i = 0; i < n; i++) {
                int c = (start + i) % combos;
                x[i] = e[c / e.length];
                y[i] = e[c % e.length];
            }
            out.add(new V[] {vector(x, lane), vector(y, lane)});
        }
        Random r = new Random(SEED * 31 + lane.ordinal());
        for (int i = 0; i < RANDOM; i++) {
            out.add(new V[] {randomVector(r, lane), randomVector(r, lane)});
        }
        return out;
    }

    // ---- Comparing results.

    static boolean isNaN(long bits, Lane lane) {
        return lane == Lane.F32 ? Float.isNaN(f(bits)) : Double.isNaN(d(bits));
    }

    /** Exact bits, except that any NaN matches any NaN where {@code anyNaN} says the spec allows it. */
    static void assertVector(String what, V want, V got, Lane lane, boolean anyNaN) {
        if (want.equals(got)) {
            return;
        }
        if (anyNaN && lane.isFloat()) {
            long[] w = lanes(want, lane);
            long[] g = lanes(got, lane);
            boolean same = true;
            for (int i = 0; i < w.length; i++) {
                same &= w[i] == g[i] || (isNaN(w[i], lane) && isNaN(g[i], lane));
            }
            if (same) {
                return;
            }
        }
        fail(what + ": want " + want + " got " + got);
    }

    private SimdLaneValues() {
    }
}
