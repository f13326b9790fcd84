package io.fssdk.runtime.compiler;

import static io.fssdk.runtime.compiler.SimdLaneValues.RANDOM;
import static io.fssdk.runtime.compiler.SimdLaneValues.SEED;
import static io.fssdk.runtime.compiler.SimdLaneValues.assertVector;
import static io.fssdk.runtime.compiler.SimdLaneValues.buffer;
import static io.fssdk.runtime.compiler.SimdLaneValues.edges;
import static io.fssdk.runtime.compiler.SimdLaneValues.isNaN;
import static io.fssdk.runtime.compiler.SimdLaneValues.lanes;
import static io.fssdk.runtime.compiler.SimdLaneValues.pairs;
import static io.fssdk.runtime.compiler.SimdLaneValues.randomLane;
import static io.fssdk.runtime.compiler.SimdLaneValues.randomVector;
import static io.fssdk.runtime.compiler.SimdLaneValues.singles;
import static io.fssdk.runtime.compiler.SimdLaneValues.vector;
import static io.fssdk.runtime.compiler.SimdScalarReference.clamp;
import static io.fssdk.runtime.compiler.SimdScalarReference.d;
import static io.fssdk.runtime.compiler.SimdScalarReference.db;
import static io.fssdk.runtime.compiler.SimdScalarReference.f;
import static io.fssdk.runtime.compiler.SimdScalarReference.f32;
import static io.fssdk.runtime.compiler.SimdScalarReference.f32Round;
import static io.fssdk.runtime.compiler.SimdScalarReference.f32Test;
import static io.fssdk.runtime.compiler.SimdScalarReference.f64;
import static io.fssdk.runtime.compiler.SimdScalarReference.f64Round;
import static io.fssdk.runtime.compiler.SimdScalarReference.f64Test;
import static io.fssdk.runtime.compiler.SimdScalarReference.fb;
import static io.fssdk.runtime.compiler.SimdScalarReference.m;
import static io.fssdk.runtime.compiler.SimdScalarReference.truncSatS;
import static io.fssdk.runtime.compiler.SimdScalarReference.truncSatU;
import static io.fssdk.runtime.compiler.SimdScalarReference.u16;
import static io.fssdk.runtime.compiler.SimdScalarReference.u32;
import static io.fssdk.runtime.compiler.SimdScalarReference.u8;
import static io.fssdk.runtime.compiler.SimdScalarReference.wasmMax;
import static io.fssdk.runtime.compiler.SimdScalarReference.wasmMin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fssdk.runtime.compiler.SimdLaneValues.Lane;
import io.fssdk.runtime.compiler.SimdLaneValues.V;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.function.IntToLongFunction;
import java.util.function.LongBinaryOperator;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks every {@link SimdLanes} method against a scalar reference: the vectors are unpacked into lanes through a
 * little-endian {@link ByteBuffer}, the spec's definition runs on each lane, and the lanes are packed again. Lane
 * values are carried as longs: sign-extended integers, or the raw bits of a float lane.
 */
class SimdLanesTest {
    // ---- Cases: one per method, each a named check.

    private record Case(String name, Runnable check) {
    }

    private static Case lanewise1(String name, Lane in, Lane out, LongUnaryOperator impl, UnaryOperator<long[]> ref,
            boolean anyNaN) {
        return new Case(name, () -> {
            for (V a : singles(in)) {
                V got = new V(impl.applyAsLong(a.lo()), impl.applyAsLong(a.hi()));
                assertVector(name + " " + a, vector(ref.apply(lanes(a, in)), out), got, out, anyNaN);
            }
        });
    }

    private static Case unary(String name, Lane lane, LongUnaryOperator impl, LongUnaryOperator ref, boolean anyNaN) {
        return lanewise1(name, lane, lane, impl, perLane(ref), anyNaN);
    }

    private static Case unary(String name, Lane lane, LongUnaryOperator impl, LongUnaryOperator ref) {
        return unary(name, lane, impl, ref, false);
    }

    private static UnaryOperator<long[]> perLane(LongUnaryOperator ref) {
        return x -> {
            long[] r = new long[x.length];
            for (int i = 0; i < x.length; i++) {
                r[i] = ref.applyAsLong(x[i]);
            }
            return r;
        };
    }

    private static Case lanewise2(String name, Lane in, Lane out, LongBinaryOperator impl, BinaryOperator<long[]> ref,
            boolean anyNaN) {
        return new Case(name, () -> {
            for (V[] p : pairs(in)) {
                V a = p[0];
                V b = p[1];
                V got = new V(impl.applyAsLong(a.lo(), b.lo()), impl.applyAsLong(a.hi(), b.hi()));
                V want = vector(ref.apply(lanes(a, in), lanes(b, in)), out);
                assertVector(name + " " + a + " " + b, want, got, out, anyNaN);
            }
        });
    }

    private static Case binary(String name, Lane lane, LongBinaryOperator impl, LongBinaryOperator ref,
            boolean anyNaN) {
        return lanewise2(name, lane, lane, impl, (x, y) -> {
            long[] r = new long[x.length];
            for (int i = 0; i < x.length; i++) {
                r[i] = ref.applyAsLong(x[i], y[i]);
            }
            return r;
        }, anyNaN);
    }

    private static Case binary(String name, Lane lane, LongBinaryOperator impl, LongBinaryOperator ref) {
        return binary(name, lane, impl, ref, false);
    }

    private interface ShiftOp {
        long apply(long a, int count);
    }

    private static Case shift(String name, Lane lane, ShiftOp impl, ShiftOp ref) {
        return new Case(name, () -> {
            Random r = new Random(SEED + name.hashCode());
            List<Integer> counts = new ArrayList<>(List.of(-1, -8, -63, Integer.MIN_VALUE, Integer.MAX_VALUE));
            for (int c = 0; c <= 130; c++) {
                counts.add(c);
            }
            List<V> vectors = singles(lane);
            for (int i = 0; i < vectors.size(); i++) {
                V a = vectors.get(i);
                int count = i < counts.size() ? counts.get(i) : r.nextInt();
                for (int c : new int[] {count, i % (8 * lane.bytes + 1)}) {
                    V got = new V(impl.apply(a.lo(), c), impl.apply(a.hi(), c));
                    int n = Math.floorMod(c, 8 * lane.bytes);
                    long[] x = lanes(a, lane);
                    for (int k = 0; k < x.length; k++) {
                        x[k] = ref.apply(x[k], n);
                    }
                    assertVector(name + " " + a + " by " + c, vector(x, lane), got, lane, false);
                }
            }
        });
    }

    private static Case reduce(String name, Lane lane, LongBinaryOperator impl, ToIntFunction<long[]> ref) {
        return new Case(name, () -> {
            List<V> vectors = new ArrayList<>(singles(lane));
            vectors.add(new V(0, 0));
            vectors.add(new V(-1, -1));
            vectors.add(new V(0, -1));
            vectors.add(new V(-1, 0));
            vectors.add(new V(1L << 63, 0));
            vectors.add(new V(0, 1));
            for (V a : vectors) {
                assertEquals(ref.applyAsInt(lanes(a, lane)), (int) impl.applyAsLong(a.lo(), a.hi()), name + " " + a);
            }
        });
    }

    /** A narrow: one whole vector of {@code in} lanes, clamped to [min, max], becomes one half. */
    private static Case narrow(String name, Lane in, LongBinaryOperator impl, long min, long max) {
        return new Case(name, () -> {
            Lane out = in == Lane.I16 ? Lane.I8 : Lane.I16;
            for (V a : singles(in)) {
                long[] x = lanes(a, in);
                long[] y = new long[out.count()];
                for (int i = 0; i < x.length; i++) {
                    y[i] = Math.min(Math.max(x[i], min), max);
                }
                V want = vector(y, out);
                assertEquals(want.lo(), impl.applyAsLong(a.lo(), a.hi()), name + " " + a);
            }
        });
    }

    /** Ints made of edge lanes, and random ones. */
    private static List<Integer> quarters(Lane lane) {
        List<Integer> out = new ArrayList<>();
        for (V v : singles(lane)) {
            out.add((int) v.lo());
            out.add((int) (v.lo() >>> 32));
            out.add((int) v.hi());
        }
        return out;
    }

    private static long[] lanesOf(int q, Lane lane) {
        return lanes(new V(q & 0xFFFF_FFFFL, 0), lane);
    }

    /** Sign- or zero-extended lanes of a 32-bit quarter, as longs. */
    private static long[] widened(int q, Lane lane, boolean signed) {
        long[] x = lanesOf(q, lane);
        long[] r = new long[4 / lane.bytes];
        long mask = lane.bytes == 4 ? 0xFFFF_FFFFL : (1L << (8 * lane.bytes)) - 1;
        for (int i = 0; i < r.length; i++) {
            r[i] = signed ? x[i] : x[i] & mask;
        }
        return r;
    }

    private static Lane wider(Lane lane) {
        return lane == Lane.I8 ? Lane.I16 : lane == Lane.I16 ? Lane.I32 : Lane.I64;
    }

    private static long half(long[] values, Lane lane) {
        long[] all = new long[lane.count()];
        System.arraycopy(values, 0, all, 0, values.length);
        return vector(all, lane).lo();
    }

    private static Case extend(String name, Lane in, IntToLongFunction impl, boolean signed) {
        return new Case(name, () -> {
            for (int q : quarters(in)) {
                assertEquals(half(widened(q, in, signed), wider(in)), impl.applyAsLong(q),
                        name + " " + Integer.toHexString(q));
            }
        });
    }

    private interface IntIntToLong {
        long apply(int a, int b);
    }

    private static Case extmul(String name, Lane in, IntIntToLong impl, boolean signed) {
        return new Case(name, () -> {
            List<Integer> qa = quarters(in);
            List<Integer> qb = new ArrayList<>(qa);
            Collections.shuffle(qb, new Random(SEED));
            for (int i = 0; i < qa.size(); i++) {
                for (int b : new int[] {qb.get(i), qa.get((i + 1) % qa.size()), qa.get(i)}) {
                    int a = qa.get(i);
                    long[] x = widened(a, in, signed);
                    long[] y = widened(b, in, signed);
                    for (int k = 0; k < x.length; k++) {
                        x[k] = x[k] * y[k];
                    }
                    assertEquals(half(x, wider(in)), impl.apply(a, b),
                            name + " " + Integer.toHexString(a) + " " + Integer.toHexString(b));
                }
            }
        });
    }

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        Lane i8 = Lane.I8;
        Lane i16 = Lane.I16;
        Lane i32 = Lane.I32;
        Lane i64 = Lane.I64;
        Lane f32 = Lane.F32;
        Lane f64 = Lane.F64;

        c.add(binary("I8x16_EQ", i8, SimdLanes::I8x16_EQ, (x, y) -> m(x == y)));
        c.add(binary("I8x16_NE", i8, SimdLanes::I8x16_NE, (x, y) -> m(x != y)));
        c.add(binary("I8x16_LT_S", i8, SimdLanes::I8x16_LT_S, (x, y) -> m(x < y)));
        c.add(binary("I8x16_LT_U", i8, SimdLanes::I8x16_LT_U, (x, y) -> m(u8(x) < u8(y))));
        c.add(binary("I8x16_GT_S", i8, SimdLanes::I8x16_GT_S, (x, y) -> m(x > y)));
        c.add(binary("I8x16_GT_U", i8, SimdLanes::I8x16_GT_U, (x, y) -> m(u8(x) > u8(y))));
        c.add(binary("I8x16_LE_S", i8, SimdLanes::I8x16_LE_S, (x, y) -> m(x <= y)));
        c.add(binary("I8x16_LE_U", i8, SimdLanes::I8x16_LE_U, (x, y) -> m(u8(x) <= u8(y))));
        c.add(binary("I8x16_GE_S", i8, SimdLanes::I8x16_GE_S, (x, y) -> m(x >= y)));
        c.add(binary("I8x16_GE_U", i8, SimdLanes::I8x16_GE_U, (x, y) -> m(u8(x) >= u8(y))));
        c.add(binary("I16x8_EQ", i16, SimdLanes::I16x8_EQ, (x, y) -> m(x == y)));
        c.add(binary("I16x8_NE", i16, SimdLanes::I16x8_NE, (x, y) -> m(x != y)));
        c.add(binary("I16x8_LT_S", i16, SimdLanes::I16x8_LT_S, (x, y) -> m(x < y)));
        c.add(binary("I16x8_LT_U", i16, SimdLanes::I16x8_LT_U, (x, y) -> m(u16(x) < u16(y))));
        c.add(binary("I16x8_GT_S", i16, SimdLanes::I16x8_GT_S, (x, y) -> m(x > y)));
        c.add(binary("I16x8_GT_U", i16, SimdLanes::I16x8_GT_U, (x, y) -> m(u16(x) > u16(y))));
        c.add(binary("I16x8_LE_S", i16, SimdLanes::I16x8_LE_S, (x, y) -> m(x <= y)));
        c.add(binary("I16x8_LE_U", i16, SimdLanes::I16x8_LE_U, (x, y) -> m(u16(x) <= u16(y))));
        c.add(binary("I16x8_GE_S", i16, SimdLanes::I16x8_GE_S, (x, y) -> m(x >= y)));
        c.add(binary("I16x8_GE_U", i16, SimdLanes::I16x8_GE_U, (x, y) -> m(u16(x) >= u16(y))));
        c.add(binary("I32x4_EQ", i32, SimdLanes::I32x4_EQ, (x, y) -> m(x == y)));
        c.add(binary("I32x4_NE", i32, SimdLanes::I32x4_NE, (x, y) -> m(x != y)));
        c.add(binary("I32x4_LT_S", i32, SimdLanes::I32x4_LT_S, (x, y) -> m(x < y)));
        c.add(binary("I32x4_LT_U", i32, SimdLanes::I32x4_LT_U, (x, y) -> m(u32(x) < u32(y))));
        c.add(binary("I32x4_GT_S", i32, SimdLanes::I32x4_GT_S, (x, y) -> m(x > y)));
        c.add(binary("I32x4_GT_U", i32, SimdLanes::I32x4_GT_U, (x, y) -> m(u32(x) > u32(y))));
        c.add(binary("I32x4_LE_S", i32, SimdLanes::I32x4_LE_S, (x, y) -> m(x <= y)));
        c.add(binary("I32x4_LE_U", i32, SimdLanes::I32x4_LE_U, (x, y) -> m(u32(x) <= u32(y))));
        c.add(binary("I32x4_GE_S", i32, SimdLanes::I32x4_GE_S, (x, y) -> m(x >= y)));
        c.add(binary("I32x4_GE_U", i32, SimdLanes::I32x4_GE_U, (x, y) -> m(u32(x) >= u32(y))));
        c.add(binary("I64x2_EQ", i64, SimdLanes::I64x2_EQ, (x, y) -> m(x == y)));
        c.add(binary("I64x2_NE", i64, SimdLanes::I64x2_NE, (x, y) -> m(x != y)));
        c.add(binary("I64x2_LT_S", i64, SimdLanes::I64x2_LT_S, (x, y) -> m(x < y)));
        c.add(binary("I64x2_GT_S", i64, SimdLanes::I64x2_GT_S, (x, y) -> m(x > y)));
        c.add(binary("I64x2_LE_S", i64, SimdLanes::I64x2_LE_S, (x, y) -> m(x <= y)));
        c.add(binary("I64x2_GE_S", i64, SimdLanes::I64x2_GE_S, (x, y) -> m(x >= y)));
        c.add(binary("F32x4_EQ", f32, SimdFloatLanes::F32x4_EQ, f32Test((x, y) -> x == y)));
        c.add(binary("F32x4_NE", f32, SimdFloatLanes::F32x4_NE, f32Test((x, y) -> !(x == y))));
        c.add(binary("F32x4_LT", f32, SimdFloatLanes::F32x4_LT, f32Test((x, y) -> x < y)));
        c.add(binary("F32x4_GT", f32, SimdFloatLanes::F32x4_GT, f32Test((x, y) -> x > y)));
        c.add(binary("F32x4_LE", f32, SimdFloatLanes::F32x4_LE, f32Test((x, y) -> x <= y)));
        c.add(binary("F32x4_GE", f32, SimdFloatLanes::F32x4_GE, f32Test((x, y) -> x >= y)));
        c.add(binary("F64x2_EQ", f64, SimdFloatLanes::F64x2_EQ, f64Test((x, y) -> x == y)));
        c.add(binary("F64x2_NE", f64, SimdFloatLanes::F64x2_NE, f64Test((x, y) -> !(x == y))));
        c.add(binary("F64x2_LT", f64, SimdFloatLanes::F64x2_LT, f64Test((x, y) -> x < y)));
        c.add(binary("F64x2_GT", f64, SimdFloatLanes::F64x2_GT, f64Test((x, y) -> x > y)));
        c.add(binary("F64x2_LE", f64, SimdFloatLanes::F64x2_LE, f64Test((x, y) -> x <= y)));
        c.add(binary("F64x2_GE", f64, SimdFloatLanes::F64x2_GE, f64Test((x, y) -> x >= y)));

        c.add(binary("V128_AND", i64, SimdLanes::V128_AND, (x, y) -> x & y));
        c.add(binary("V128_ANDNOT", i64, SimdLanes::V128_ANDNOT, (x, y) -> x & ~y));
        c.add(binary("V128_OR", i64, SimdLanes::V128_OR, (x, y) -> x | y));
        c.add(binary("V128_XOR", i64, SimdLanes::V128_XOR, (x, y) -> x ^ y));
        c.add(unary("V128_NOT", i64, SimdLanes::V128_NOT, x -> ~x));
        c.add(new Case("V128_BITSELECT", () -> {
            Random r = new Random(SEED);
            for (int i = 0; i < RANDOM; i++) {
                V a = randomVector(r, i64);
                V b = randomVector(r, i64);
                V s = i % 3 == 0 ? new V(0xFF00_FF00_FF00_FF00L, 0) : randomVector(r, i64);
                V got = new V(SimdLanes.V128_BITSELECT(a.lo(), b.lo(), s.lo()), SimdLanes.V128_BITSELECT(a.hi(), b.hi(), s.hi()));
                V want = new V(0, 0);
                for (int bit = 0; bit < 128; bit++) {
                    boolean fromA = bit(s, bit);
                    boolean value = fromA ? bit(a, bit) : bit(b, bit);
                    want = value ? setBit(want, bit) : want;
                }
                assertEquals(want, got, "V128_BITSELECT " + a + " " + b + " " + s);
            }
        }));

        c.add(binary("I8x16_ADD", i8, SimdLanes::I8x16_ADD, (x, y) -> x + y));
        c.add(binary("I8x16_ADD_SAT_S", i8, SimdLanes::I8x16_ADD_SAT_S, (x, y) -> clamp(x + y, -128, 127)));
        c.add(binary("I8x16_ADD_SAT_U", i8, SimdLanes::I8x16_ADD_SAT_U, (x, y) -> clamp(u8(x) + u8(y), 0, 255)));
        c.add(binary("I8x16_SUB", i8, SimdLanes::I8x16_SUB, (x, y) -> x - y));
        c.add(binary("I8x16_SUB_SAT_S", i8, SimdLanes::I8x16_SUB_SAT_S, (x, y) -> clamp(x - y, -128, 127)));
        c.add(binary("I8x16_SUB_SAT_U", i8, SimdLanes::I8x16_SUB_SAT_U, (x, y) -> clamp(u8(x) - u8(y), 0, 255)));
        c.add(binary("I8x16_MIN_S", i8, SimdLanes::I8x16_MIN_S, Math::min));
        c.add(binary("I8x16_MIN_U", i8, SimdLanes::I8x16_MIN_U, (x, y) -> Math.min(u8(x), u8(y))));
        c.add(binary("I8x16_MAX_S", i8, SimdLanes::I8x16_MAX_S, Math::max));
        c.add(binary("I8x16_MAX_U", i8, SimdLanes::I8x16_MAX_U, (x, y) -> Math.max(u8(x), u8(y))));
        c.add(binary("I8x16_AVGR_U", i8, SimdLanes::I8x16_AVGR_U, (x, y) -> (u8(x) + u8(y) + 1) >>> 1));
        c.add(binary("I16x8_ADD", i16, SimdLanes::I16x8_ADD, (x, y) -> x + y));
        c.add(binary("I16x8_ADD_SAT_S", i16, SimdLanes::I16x8_ADD_SAT_S, (x, y) -> clamp(x + y, -32768, 32767)));
        c.add(binary("I16x8_ADD_SAT_U", i16, SimdLanes::I16x8_ADD_SAT_U,
                (x, y) -> clamp(u16(x) + u16(y), 0, 65535)));
        c.add(binary("I16x8_SUB", i16, SimdLanes::I16x8_SUB, (x, y) -> x - y));
        c.add(binary("I16x8_SUB_SAT_S", i16, SimdLanes::I16x8_SUB_SAT_S, (x, y) -> clamp(x - y, -32768, 32767)));
        c.add(binary("I16x8_SUB_SAT_U", i16, SimdLanes::I16x8_SUB_SAT_U,
                (x, y) -> clamp(u16(x) - u16(y), 0, 65535)));
        c.add(binary("I16x8_MUL", i16, SimdLanes::I16x8_MUL, (x, y) -> x * y));
        c.add(binary("I16x8_MIN_S", i16, SimdLanes::I16x8_MIN_S, Math::min));
        c.add(binary("I16x8_MIN_U", i16, SimdLanes::I16x8_MIN_U, (x, y) -> Math.min(u16(x), u16(y))));
        c.add(binary("I16x8_MAX_S", i16, SimdLanes::I16x8_MAX_S, Math::max));
        c.add(binary("I16x8_MAX_U", i16, SimdLanes::I16x8_MAX_U, (x, y) -> Math.max(u16(x), u16(y))));
        c.add(binary("I16x8_AVGR_U", i16, SimdLanes::I16x8_AVGR_U, (x, y) -> (u16(x) + u16(y) + 1) >>> 1));
        c.add(binary("I16x8_Q15MULR_SAT_S", i16, SimdLanes::I16x8_Q15MULR_SAT_S,
                (x, y) -> clamp((x * y + 0x4000) >> 15, -32768, 32767)));
        c.add(binary("I32x4_ADD", i32, SimdLanes::I32x4_ADD, (x, y) -> x + y));
        c.add(binary("I32x4_SUB", i32, SimdLanes::I32x4_SUB, (x, y) -> x - y));
        c.add(binary("I32x4_MUL", i32, SimdLanes::I32x4_MUL, (x, y) -> x * y));
        c.add(binary("I32x4_MIN_S", i32, SimdLanes::I32x4_MIN_S, Math::min));
        c.add(binary("I32x4_MIN_U", i32, SimdLanes::I32x4_MIN_U, (x, y) -> Math.min(u32(x), u32(y))));
        c.add(binary("I32x4_MAX_S", i32, SimdLanes::I32x4_MAX_S, Math::max));
        c.add(binary("I32x4_MAX_U", i32, SimdLanes::I32x4_MAX_U, (x, y) -> Math.max(u32(x), u32(y))));
        c.add(lanewise2("I32x4_DOT_I16x8_S", i16, i32, SimdLanes::I32x4_DOT_I16x8_S, (x, y) -> {
            long[] r = new long[4];
            for (int k = 0; k < 4; k++) {
                r[k] = x[2 * k] * y[2 * k] + x[2 * k + 1] * y[2 * k + 1];
            }
            return r;
        }, false));
        c.add(binary("I64x2_ADD", i64, SimdLanes::I64x2_ADD, (x, y) -> x + y));
        c.add(binary("I64x2_SUB", i64, SimdLanes::I64x2_SUB, (x, y) -> x - y));
        c.add(binary("I64x2_MUL", i64, SimdLanes::I64x2_MUL, (x, y) -> x * y));

        // Float arithmetic in double, rounded once to float: exact for +, -, ×, ÷ (double has over 2p+2 bits).
        c.add(binary("F32x4_ADD", f32, SimdFloatLanes::F32x4_ADD, f32((x, y) -> (float) ((double) x + y)), true));
        c.add(binary("F32x4_SUB", f32, SimdFloatLanes::F32x4_SUB, f32((x, y) -> (float) ((double) x - y)), true));
        c.add(binary("F32x4_MUL", f32, SimdFloatLanes::F32x4_MUL, f32((x, y) -> (float) ((double) x * y)), true));
        c.add(binary("F32x4_DIV", f32, SimdFloatLanes::F32x4_DIV, f32((x, y) -> (float) ((double) x / y)), true));
        c.add(binary("F32x4_MIN", f32, SimdFloatLanes::F32x4_MIN, f32((x, y) -> (float) wasmMin(x, y)), true));
        c.add(binary("F32x4_MAX", f32, SimdFloatLanes::F32x4_MAX, f32((x, y) -> (float) wasmMax(x, y)), true));
        c.add(binary("F32x4_PMIN", f32, SimdFloatLanes::F32x4_PMIN, (x, y) -> f(y) < f(x) ? y : x));
        c.add(binary("F32x4_PMAX", f32, SimdFloatLanes::F32x4_PMAX, (x, y) -> f(x) < f(y) ? y : x));
        c.add(binary("F64x2_ADD", f64, SimdFloatLanes::F64x2_ADD, f64((x, y) -> x + y), true));
        c.add(binary("F64x2_SUB", f64, SimdFloatLanes::F64x2_SUB, f64((x, y) -> x - y), true));
        c.add(binary("F64x2_MUL", f64, SimdFloatLanes::F64x2_MUL, f64((x, y) -> x * y), true));
        c.add(binary("F64x2_DIV", f64, SimdFloatLanes::F64x2_DIV, f64((x, y) -> x / y), true));
        c.add(binary("F64x2_MIN", f64, SimdFloatLanes::F64x2_MIN, f64(SimdScalarReference::wasmMin), true));
        c.add(binary("F64x2_MAX", f64, SimdFloatLanes::F64x2_MAX, f64(SimdScalarReference::wasmMax), true));
        c.add(binary("F64x2_PMIN", f64, SimdFloatLanes::F64x2_PMIN, (x, y) -> d(y) < d(x) ? y : x));
        c.add(binary("F64x2_PMAX", f64, SimdFloatLanes::F64x2_PMAX, (x, y) -> d(x) < d(y) ? y : x));

        c.add(unary("I8x16_ABS", i8, SimdLanes::I8x16_ABS, x -> x < 0 ? -x : x));
        c.add(unary("I8x16_NEG", i8, SimdLanes::I8x16_NEG, x -> -x));
        c.add(unary("I8x16_POPCNT", i8, SimdLanes::I8x16_POPCNT, x -> Long.bitCount(u8(x))));
        c.add(unary("I16x8_ABS", i16, SimdLanes::I16x8_ABS, x -> x < 0 ? -x : x));
        c.add(unary("I16x8_NEG", i16, SimdLanes::I16x8_NEG, x -> -x));
        c.add(unary("I32x4_ABS", i32, SimdLanes::I32x4_ABS, x -> x < 0 ? -x : x));
        c.add(unary("I32x4_NEG", i32, SimdLanes::I32x4_NEG, x -> -x));
        c.add(unary("I64x2_ABS", i64, SimdLanes::I64x2_ABS, x -> x < 0 ? -x : x));
        c.add(unary("I64x2_NEG", i64, SimdLanes::I64x2_NEG, x -> -x));
        c.add(unary("F32x4_ABS", f32, SimdFloatLanes::F32x4_ABS, x -> x & 0x7FFF_FFFF));
        c.add(unary("F32x4_NEG", f32, SimdFloatLanes::F32x4_NEG, x -> x ^ 0x8000_0000L));
        c.add(unary("F32x4_SQRT", f32, SimdFloatLanes::F32x4_SQRT, x -> fb((float) StrictMath.sqrt(f(x))), true));
        c.add(unary("F32x4_CEIL", f32, SimdFloatLanes::F32x4_CEIL, f32Round(RoundingMode.CEILING), true));
        c.add(unary("F32x4_FLOOR", f32, SimdFloatLanes::F32x4_FLOOR, f32Round(RoundingMode.FLOOR), true));
        c.add(unary("F32x4_TRUNC", f32, SimdFloatLanes::F32x4_TRUNC, f32Round(RoundingMode.DOWN), true));
        c.add(unary("F32x4_NEAREST", f32, SimdFloatLanes::F32x4_NEAREST, f32Round(RoundingMode.HALF_EVEN), true));
        c.add(unary("F64x2_ABS", f64, SimdFloatLanes::F64x2_ABS, x -> x & Long.MAX_VALUE));
        c.add(unary("F64x2_NEG", f64, SimdFloatLanes::F64x2_NEG, x -> x ^ Long.MIN_VALUE));
        c.add(unary("F64x2_SQRT", f64, SimdFloatLanes::F64x2_SQRT, x -> db(StrictMath.sqrt(d(x))), true));
        c.add(unary("F64x2_CEIL", f64, SimdFloatLanes::F64x2_CEIL, f64Round(RoundingMode.CEILING), true));
        c.add(unary("F64x2_FLOOR", f64, SimdFloatLanes::F64x2_FLOOR, f64Round(RoundingMode.FLOOR), true));
        c.add(unary("F64x2_TRUNC", f64, SimdFloatLanes::F64x2_TRUNC, f64Round(RoundingMode.DOWN), true));
        c.add(unary("F64x2_NEAREST", f64, SimdFloatLanes::F64x2_NEAREST, f64Round(RoundingMode.HALF_EVEN), true));
        c.add(lanewise1("I32x4_TRUNC_SAT_F32X4_S", f32, i32, SimdFloatLanes::I32x4_TRUNC_SAT_F32X4_S,
                perLane(x -> truncSatS(f(x))), false));
        c.add(lanewise1("I32x4_TRUNC_SAT_F32X4_U", f32, i32, SimdFloatLanes::I32x4_TRUNC_SAT_F32X4_U,
                perLane(x -> truncSatU(f(x))), false));
        c.add(lanewise1("F32x4_CONVERT_I32x4_S", i32, f32, SimdFloatLanes::F32x4_CONVERT_I32x4_S,
                perLane(x -> fb((float) (double) x)), false));
        // u32 to double is exact, so the one rounding is double to float.
        c.add(lanewise1("F32x4_CONVERT_I32x4_U", i32, f32, SimdFloatLanes::F32x4_CONVERT_I32x4_U,
                perLane(x -> fb((float) (double) u32(x))), false));
        c.add(lanewise1("I16x8_EXTADD_PAIRWISE_I8x16_S", i8, i16, SimdLanes::I16x8_EXTADD_PAIRWISE_I8x16_S,
                x -> pairSums(x, -1), false));
        c.add(lanewise1("I16x8_EXTADD_PAIRWISE_I8x16_U", i8, i16, SimdLanes::I16x8_EXTADD_PAIRWISE_I8x16_U,
                x -> pairSums(x, 0xFF), false));
        c.add(lanewise1("I32x4_EXTADD_PAIRWISE_I16x8_S", i16, i32, SimdLanes::I32x4_EXTADD_PAIRWISE_I16x8_S,
                x -> pairSums(x, -1), false));
        c.add(lanewise1("I32x4_EXTADD_PAIRWISE_I16x8_U", i16, i32, SimdLanes::I32x4_EXTADD_PAIRWISE_I16x8_U,
                x -> pairSums(x, 0xFFFF), false));

        c.add(shift("I8x16_SHL", i8, SimdLanes::I8x16_SHL, (x, n) -> x << n));
        c.add(shift("I8x16_SHR_S", i8, SimdLanes::I8x16_SHR_S, (x, n) -> x >> n));
        c.add(shift("I8x16_SHR_U", i8, SimdLanes::I8x16_SHR_U, (x, n) -> u8(x) >>> n));
        c.add(shift("I16x8_SHL", i16, SimdLanes::I16x8_SHL, (x, n) -> x << n));
        c.add(shift("I16x8_SHR_S", i16, SimdLanes::I16x8_SHR_S, (x, n) -> x >> n));
        c.add(shift("I16x8_SHR_U", i16, SimdLanes::I16x8_SHR_U, (x, n) -> u16(x) >>> n));
        c.add(shift("I32x4_SHL", i32, SimdLanes::I32x4_SHL, (x, n) -> x << n));
        c.add(shift("I32x4_SHR_S", i32, SimdLanes::I32x4_SHR_S, (x, n) -> x >> n));
        c.add(shift("I32x4_SHR_U", i32, SimdLanes::I32x4_SHR_U, (x, n) -> u32(x) >>> n));
        c.add(shift("I64x2_SHL", i64, SimdLanes::I64x2_SHL, (x, n) -> x << n));
        c.add(shift("I64x2_SHR_S", i64, SimdLanes::I64x2_SHR_S, (x, n) -> x >> n));
        c.add(shift("I64x2_SHR_U", i64, SimdLanes::I64x2_SHR_U, (x, n) -> x >>> n));

        c.add(narrow("I8x16_NARROW_I16x8_S", i16, SimdVectorLanes::I8x16_NARROW_I16x8_S, -128, 127));
        c.add(narrow("I8x16_NARROW_I16x8_U", i16, SimdVectorLanes::I8x16_NARROW_I16x8_U, 0, 255));
        c.add(narrow("I16x8_NARROW_I32x4_S", i32, SimdVectorLanes::I16x8_NARROW_I32x4_S, -32768, 32767));
        c.add(narrow("I16x8_NARROW_I32x4_U", i32, SimdVectorLanes::I16x8_NARROW_I32x4_U, 0, 65535));

        c.add(reduce("V128_ANY_TRUE", i8, SimdVectorLanes::V128_ANY_TRUE, x -> count(x, v -> v != 0) > 0 ? 1 : 0));
        c.add(reduce("I8x16_ALL_TRUE", i8, SimdVectorLanes::I8x16_ALL_TRUE, x -> count(x, v -> v != 0) == 16 ? 1 : 0));
        c.add(reduce("I16x8_ALL_TRUE", i16, SimdVectorLanes::I16x8_ALL_TRUE, x -> count(x, v -> v != 0) == 8 ? 1 : 0));
        c.add(reduce("I32x4_ALL_TRUE", i32, SimdVectorLanes::I32x4_ALL_TRUE, x -> count(x, v -> v != 0) == 4 ? 1 : 0));
        c.add(reduce("I64x2_ALL_TRUE", i64, SimdVectorLanes::I64x2_ALL_TRUE, x -> count(x, v -> v != 0) == 2 ? 1 : 0));
        c.add(reduce("I8x16_BITMASK", i8, SimdVectorLanes::I8x16_BITMASK, SimdLanesTest::signs));
        c.add(reduce("I16x8_BITMASK", i16, SimdVectorLanes::I16x8_BITMASK, SimdLanesTest::signs));
        c.add(reduce("I32x4_BITMASK", i32, SimdVectorLanes::I32x4_BITMASK, SimdLanesTest::signs));
        c.add(reduce("I64x2_BITMASK", i64, SimdVectorLanes::I64x2_BITMASK, SimdLanesTest::signs));

        c.add(extend("extend8to16S", i8, SimdVectorLanes::extend8to16S, true));
        c.add(extend("extend8to16U", i8, SimdVectorLanes::extend8to16U, false));
        c.add(extend("extend16to32S", i16, SimdVectorLanes::extend16to32S, true));
        c.add(extend("extend16to32U", i16, SimdVectorLanes::extend16to32U, false));
        c.add(extend("extend32to64S", i32, SimdVectorLanes::extend32to64S, true));
        c.add(extend("extend32to64U", i32, SimdVectorLanes::extend32to64U, false));
        c.add(extmul("extmul8to16S", i8, SimdVectorLanes::extmul8to16S, true));
        c.add(extmul("extmul8to16U", i8, SimdVectorLanes::extmul8to16U, false));
        c.add(extmul("extmul16to32S", i16, SimdVectorLanes::extmul16to32S, true));
        c.add(extmul("extmul16to32U", i16, SimdVectorLanes::extmul16to32U, false));
        c.add(extmul("extmul32to64S", i32, SimdVectorLanes::extmul32to64S, true));
        c.add(extmul("extmul32to64U", i32, SimdVectorLanes::extmul32to64U, false));

        c.add(new Case("I8x16_SWIZZLE", SimdLanesTest::swizzle));
        c.add(new Case("shuffleHalf", SimdLanesTest::shuffle));

        c.add(splat("I8x16_SPLAT", i8, SimdVectorLanes::I8x16_SPLAT));
        c.add(splat("I16x8_SPLAT", i16, SimdVectorLanes::I16x8_SPLAT));
        c.add(splat("I32x4_SPLAT", i32, SimdVectorLanes::I32x4_SPLAT));
        c.add(splat("F32x4_SPLAT", f32, v -> SimdVectorLanes.F32x4_SPLAT(Float.intBitsToFloat(v))));

        c.add(laneRead("byteLaneS", i8, SimdVectorLanes::byteLaneS, x -> x));
        c.add(laneRead("byteLaneU", i8, SimdVectorLanes::byteLaneU, SimdScalarReference::u8));
        c.add(laneRead("shortLaneS", i16, SimdVectorLanes::shortLaneS, x -> x));
        c.add(laneRead("shortLaneU", i16, SimdVectorLanes::shortLaneU, SimdScalarReference::u16));
        c.add(laneRead("intLane", i32, SimdVectorLanes::intLane, x -> x));
        c.add(laneRead("floatLane", f32, (h, k) -> Float.floatToRawIntBits(SimdVectorLanes.floatLane(h, k)), x -> x));
        c.add(laneWrite("withByteLane", i8, SimdVectorLanes::withByteLane));
        c.add(laneWrite("withShortLane", i16, SimdVectorLanes::withShortLane));
        c.add(laneWrite("withIntLane", i32, SimdVectorLanes::withIntLane));
        c.add(laneWrite("withFloatLane", f32, (h, k, v) -> SimdVectorLanes.withFloatLane(h, k, Float.intBitsToFloat(v))));

        c.add(toLow("F32x4_DEMOTE_LOW_F64x2_ZERO", f32, SimdFloatLanes::F32x4_DEMOTE_LOW_F64x2_ZERO,
                x -> fb((float) d(x)), true));
        c.add(toLow("I32x4_TRUNC_SAT_F64x2_S_ZERO", i32, SimdFloatLanes::I32x4_TRUNC_SAT_F64x2_S_ZERO,
                x -> truncSatS(d(x)), false));
        c.add(toLow("I32x4_TRUNC_SAT_F64x2_U_ZERO", i32, SimdFloatLanes::I32x4_TRUNC_SAT_F64x2_U_ZERO,
                x -> truncSatU(d(x)), false));
        c.add(oneLane("promoteLow", f32, SimdFloatLanes::promoteLow, x -> db(f(x)), true));
        c.add(oneLane("convertS32", i32, SimdFloatLanes::convertS32, x -> db(x), false));
        c.add(oneLane("convertU32", i32, SimdFloatLanes::convertU32, x -> db(u32(x)), false));
        return c;
    }

    private static boolean bit(V v, int bit) {
        return ((bit < 64 ? v.lo() : v.hi()) >>> (bit & 63) & 1) != 0;
    }

    private static V setBit(V v, int bit) {
        return bit < 64 ? new V(v.lo() | 1L << bit, v.hi()) : new V(v.lo(), v.hi() | 1L << (bit - 64));
    }

    /** Sums of adjacent lanes, each masked first ({@code -1}: read as signed). */
    private static long[] pairSums(long[] x, long mask) {
        long[] r = new long[x.length / 2];
        for (int k = 0; k < r.length; k++) {
            r[k] = (x[2 * k] & mask) + (x[2 * k + 1] & mask);
        }
        return r;
    }

    private static int count(long[] x, LongPredicate p) {
        int n = 0;
        for (long v : x) {
            n += p.test(v) ? 1 : 0;
        }
        return n;
    }

    private static int signs(long[] x) {
        int r = 0;
        for (int i = 0; i < x.length; i++) {
            r |= x[i] < 0 ? 1 << i : 0;
        }
        return r;
    }

    private static void swizzle() {
        Random r = new Random(SEED);
        for (int t = 0; t < RANDOM; t++) {
            V a = randomVector(r, Lane.I8);
            byte[] sel = new byte[16];
            for (int i = 0; i < 16; i++) {
                int kind = r.nextInt(4);
                sel[i] = (byte) (kind < 2 ? r.nextInt(16) : kind == 2 ? 14 + r.nextInt(6) : r.nextInt(256));
            }
            if (t == 0) {
                sel = new byte[] {15, 16, (byte) 0x80, (byte) 0xFF, 0, 7, 8, 127, (byte) 0x8F, 31, 1, 2, 3, 4, 5, 6};
            }
            V s = vector(toLongs(sel), Lane.I8);
            byte[] x = toBytes(a);
            long[] want = new long[16];
            for (int i = 0; i < 16; i++) {
                int index = sel[i] & 0xFF;
                want[i] = index < 16 ? x[index] : 0;
            }
            V got = new V(SimdVectorLanes.I8x16_SWIZZLE(a.lo(), a.hi(), s.lo()), SimdVectorLanes.I8x16_SWIZZLE(a.lo(), a.hi(), s.hi()));
            assertEquals(vector(want, Lane.I8), got, "I8x16_SWIZZLE " + a + " " + s);
        }
    }

    private static void shuffle() {
        Random r = new Random(SEED);
        for (int t = 0; t < RANDOM; t++) {
            V a = randomVector(r, Lane.I8);
            V b = randomVector(r, Lane.I8);
            long[] sel = new long[16];
            for (int i = 0; i < 16; i++) {
                sel[i] = t == 0 ? 31 - i : t == 1 ? 2 * i : r.nextInt(32);
            }
            V s = vector(sel, Lane.I8);
            byte[] ab = new byte[32];
            System.arraycopy(toBytes(a), 0, ab, 0, 16);
            System.arraycopy(toBytes(b), 0, ab, 16, 16);
            long[] want = new long[16];
            for (int i = 0; i < 16; i++) {
                want[i] = ab[(int) sel[i]];
            }
            V got = new V(SimdVectorLanes.shuffleHalf(a.lo(), a.hi(), b.lo(), b.hi(), s.lo()),
                    SimdVectorLanes.shuffleHalf(a.lo(), a.hi(), b.lo(), b.hi(), s.hi()));
            assertEquals(vector(want, Lane.I8), got, "shuffleHalf " + a + " " + b + " " + s);
        }
    }

    private static byte[] toBytes(V v) {
        return buffer(v).array();
    }

    private static long[] toLongs(byte[] bytes) {
        long[] r = new long[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            r[i] = bytes[i];
        }
        return r;
    }

    /** Scalars: every edge lane value, and random ints with bits above the lane set. */
    private static List<Integer> scalars(Lane lane) {
        List<Integer> out = new ArrayList<>();
        for (long e : edges(lane)) {
            out.add((int) e);
        }
        Random r = new Random(SEED);
        for (int i = 0; i < RANDOM; i++) {
            out.add(i % 2 == 0 ? r.nextInt() : (int) randomLane(r, lane));
        }
        return out;
    }

    private static Case splat(String name, Lane lane, IntToLongFunction impl) {
        return new Case(name, () -> {
            for (int v : scalars(lane)) {
                long[] all = new long[lane.count()];
                Arrays.fill(all, v);
                V want = vector(all, lane);
                assertEquals(want.lo(), want.hi(), "a splat's halves are equal");
                assertEquals(want.lo(), impl.applyAsLong(v), name + " " + Integer.toHexString(v));
            }
        });
    }

    private interface LaneRead {
        int apply(long half, int lane);
    }

    private interface LaneWrite {
        long apply(long half, int lane, int value);
    }

    private static Case laneRead(String name, Lane lane, LaneRead impl, LongUnaryOperator ref) {
        return new Case(name, () -> {
            for (V v : singles(lane)) {
                long[] x = lanes(v, lane);
                int perHalf = x.length / 2;
                for (int k = 0; k < x.length; k++) {
                    long half = k < perHalf ? v.lo() : v.hi();
                    assertEquals((int) ref.applyAsLong(x[k]), impl.apply(half, k % perHalf), name + " " + v + " " + k);
                }
            }
        });
    }

    private static Case laneWrite(String name, Lane lane, LaneWrite impl) {
        return new Case(name, () -> {
            List<Integer> values = scalars(lane);
            List<V> vectors = singles(lane);
            for (int i = 0; i < vectors.size(); i++) {
                V v = vectors.get(i);
                int value = values.get(i % values.size());
                for (int k = 0; k < lane.count(); k++) {
                    long[] x = lanes(v, lane);
                    x[k] = value;
                    V want = vector(x, lane);
                    int perHalf = lane.count() / 2;
                    V got = k < perHalf ? new V(impl.apply(v.lo(), k, value), v.hi())
                            : new V(v.lo(), impl.apply(v.hi(), k - perHalf, value));
                    assertEquals(want, got, name + " " + v + " " + k + " " + Integer.toHexString(value));
                }
            }
        });
    }

    /** Two f64 lanes to the two low 32-bit lanes of the result, whose high half the caller zeroes. */
    private static Case toLow(String name, Lane out, LongBinaryOperator impl, LongUnaryOperator ref, boolean anyNaN) {
        return new Case(name, () -> {
            for (V v : singles(Lane.F64)) {
                V want = vector(new long[] {ref.applyAsLong(v.lo()), ref.applyAsLong(v.hi()), 0, 0}, out);
                assertVector(name + " " + v, want, new V(impl.applyAsLong(v.lo(), v.hi()), 0), out, anyNaN);
            }
        });
    }

    /** One 32-bit lane to the bits of one f64 lane. */
    private static Case oneLane(String name, Lane in, IntToLongFunction impl, LongUnaryOperator ref,
            boolean anyNaN) {
        return new Case(name, () -> {
            for (int q : scalars(in)) {
                long want = ref.applyAsLong(q);
                long got = impl.applyAsLong(q);
                if (want != got && !(anyNaN && Double.isNaN(d(want)) && Double.isNaN(d(got)))) {
                    fail(name + " " + Integer.toHexString(q) + ": want " + Long.toHexString(want) + " got "
                            + Long.toHexString(got));
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everyMethodMatchesItsScalarDefinition() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name, c.check::run));
    }

    @Test
    void everyPublicMethodHasACase() {
        Set<String> methods = new TreeSet<>();
        for (Class<?> lanes : List.of(SimdLanes.class, SimdFloatLanes.class, SimdVectorLanes.class)) {
            for (Method m : lanes.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
                    assertTrue(methods.add(m.getName()), "one lane method per name: " + m.getName());
                }
            }
        }
        Set<String> covered = new TreeSet<>();
        for (Case c : cases()) {
            assertTrue(covered.add(c.name), "two cases for " + c.name);
        }
        assertEquals(methods, covered);
    }

    @Test
    void specExamples() {
        // Rounding halves to even, and the boundary values of trunc_sat.
        assertEquals(packF(2f, -2f), SimdFloatLanes.F32x4_NEAREST(packF(2.5f, -2.5f)));
        assertEquals(packF(4f, -0f), SimdFloatLanes.F32x4_NEAREST(packF(3.5f, -0.5f)));
        assertEquals(pack(Integer.MAX_VALUE, Integer.MIN_VALUE),
                SimdFloatLanes.I32x4_TRUNC_SAT_F32X4_S(packF(2147483648f, -2147483904f)));
        assertEquals(pack(0, 0), SimdFloatLanes.I32x4_TRUNC_SAT_F32X4_S(packF(Float.NaN, -0.9f)));
        assertEquals(pack(0x8000_0000, -1), SimdFloatLanes.I32x4_TRUNC_SAT_F32X4_U(packF(2147483648f, 4294967296f)));
        assertEquals(pack(0, 0), SimdFloatLanes.I32x4_TRUNC_SAT_F32X4_U(packF(-1f, Float.NaN)));
        // -0 is below +0 for min and max, not for pmin and pmax (which keep the first operand on a tie).
        assertEquals(packF(-0f, 0f), SimdFloatLanes.F32x4_MIN(packF(0f, 0f), packF(-0f, 0f)));
        assertEquals(packF(0f, -0f), SimdFloatLanes.F32x4_MAX(packF(0f, -0f), packF(-0f, -0f)));
        assertEquals(packF(0f, -0f), SimdFloatLanes.F32x4_PMIN(packF(0f, -0f), packF(-0f, 0f)));
        assertEquals(Double.doubleToRawLongBits(-0.0), SimdFloatLanes.F64x2_MIN(Double.doubleToRawLongBits(0.0),
                Double.doubleToRawLongBits(-0.0)));
        // The one product q15mulr saturates, and the one sum the dot product wraps.
        assertEquals(0x7FFFL, SimdLanes.I16x8_Q15MULR_SAT_S(0x8000, 0x8000) & 0xFFFF);
        assertEquals(pack(Integer.MIN_VALUE, 0), SimdLanes.I32x4_DOT_I16x8_S(0x8000_8000L, 0x8000_8000L));
        // abs of the minimum lane is itself.
        assertEquals(0x80L, SimdLanes.I8x16_ABS(0x80));
        assertEquals(0xFFFF_FFFF_FFFF_FFFFL, SimdLanes.I8x16_ADD_SAT_U(0xFFFF_FFFF_FFFF_FF01L, 0xFF));
        assertEquals(0x0201_0403_0807_0605L, SimdVectorLanes.I8x16_SWIZZLE(0x0706_0504_0302_0100L,
                0x0F0E_0D0C_0B0A_0908L, 0x0201_0403_0807_0605L));
    }

    private static long packF(float lane0, float lane1) {
        return pack(Float.floatToRawIntBits(lane0), Float.floatToRawIntBits(lane1));
    }

    private static long pack(int lane0, int lane1) {
        return (lane0 & 0xFFFF_FFFFL) | (long) lane1 << 32;
    }
}
