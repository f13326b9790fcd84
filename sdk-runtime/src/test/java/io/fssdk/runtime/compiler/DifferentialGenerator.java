package io.fssdk.runtime.compiler;

import java.util.SplittableRandom;

/**
 * Generates small valid core modules from a seed, for the differential test: functions of one signature
 * {@code (i32 i64 f64) -> i32} with i32/i64/f32/f64 locals, built from typed random expressions (arithmetic,
 * comparisons, conversions including trapping ones, loads and stores at random addresses, select, if/else,
 * counted loops, br_table, direct calls to earlier functions, call_indirect through a table that also holds a
 * host function of another type, calls to that host function, a mutable exported global, memory.size/grow).
 * Every module validates by construction, so unlike mutants none is wasted. A NaN from an operation whose NaN
 * result the spec leaves open is made canonical at once (see {@link #arithmetic}), so engines must agree exactly.
 */
final class DifferentialGenerator {
    // Local indices: the three parameters, then the declared locals.
    private static final int P_I32 = 0;
    private static final int P_I64 = 1;
    private static final int P_F64 = 2;
    private static final int L_I32 = 3;
    private static final int L_COUNT = 4;
    private static final int L_I64 = 5;
    private static final int L_F64 = 6;
    private static final int L_F32 = 7;
    // Scratch locals of canonical(): each holds a value only between its local.set and the select after it.
    private static final int T_F64 = 8;
    private static final int T_F32 = 9;

    private final SplittableRandom rng;
    private final int functions;
    private int current;
    private int loops;

    private DifferentialGenerator(SplittableRandom rng) {
        this.rng = rng;
        this.functions = 1 + rng.nextInt(4);
    }

    /** A module with 1 to 4 exported functions, an exported memory and global, importing {@code env.h}. */
    static byte[] generate(SplittableRandom rng) {
        return new DifferentialGenerator(rng).module();
    }

    private byte[] module() {
        WasmBytes m = new WasmBytes();
        m.bytes(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
        // Types: 0 = (i32 i64 f64) -> i32, 1 = (i32) -> i32 for the host function.
        m.section(1, new WasmBytes().u(2).bytes(0x60, 3, 0x7f, 0x7e, 0x7c, 1, 0x7f).bytes(0x60, 1, 0x7f, 1, 0x7f));
        WasmBytes imp = new WasmBytes().u(1);
        imp.name("env").name("h").bytes(0x00).u(1);
        m.section(2, imp);
        WasmBytes fn = new WasmBytes().u(functions);
        for (int i = 0; i < functions; i++) {
            fn.u(0);
        }
        m.section(3, fn);
        m.section(4, new WasmBytes().u(1).bytes(0x70, 0x00).u(functions + 1));
        m.section(5, new WasmBytes().u(1).bytes(0x01, 1, 4));
        m.section(6, new WasmBytes().u(1).bytes(0x7f, 0x01, 0x41).s(rng.nextInt(100)).bytes(0x0b));
        WasmBytes exp = new WasmBytes().u(functions + 2);
        for (int i = 0; i < functions; i++) {
            exp.name("f" + i).bytes(0x00).u(i + 1);
        }
        exp.name("memory").bytes(0x02).u(0);
        exp.name("g").bytes(0x03).u(0);
        m.section(7, exp);
        // Table slot i holds function i: slot 0 is the host function, whose type differs from type 0.
        WasmBytes elem = new WasmBytes().u(1).bytes(0x00, 0x41, 0x00, 0x0b).u(functions + 1);
        for (int i = 0; i <= functions; i++) {
            elem.u(i);
        }
        m.section(9, elem);
        WasmBytes code = new WasmBytes().u(functions);
        for (current = 1; current <= functions; current++) {
            WasmBytes body = new WasmBytes();
            body.u(6).u(2).bytes(0x7f).u(1).bytes(0x7e).u(1).bytes(0x7c).u(1).bytes(0x7d);
            body.u(1).bytes(0x7c).u(1).bytes(0x7d); // T_F64, T_F32
            loops = 0;
            int statements = 1 + rng.nextInt(6);
            for (int s = 0; s < statements; s++) {
                statement(body, 0);
            }
            expr(body, 'i', 0);
            body.bytes(0x0b);
            code.u(body.size()).append(body);
        }
        m.section(10, code);
        return m.toByteArray();
    }

    private void statement(WasmBytes o, int depth) {
        int pick = rng.nextInt(depth > 1 ? 5 : 7);
        switch (pick) {
            case 0: expr(o, 'i', depth); o.bytes(0x21).u(rng.nextBoolean() ? L_I32 : P_I32); break;
            case 1: expr(o, 'l', depth); o.bytes(0x21).u(rng.nextBoolean() ? L_I64 : P_I64); break;
            case 2: expr(o, 'd', depth); o.bytes(0x21).u(rng.nextBoolean() ? L_F64 : P_F64); break;
            case 3: store(o, depth); break;
            case 4: expr(o, 'i', depth); o.bytes(0x24).u(0); break;
            case 5: loop(o, depth); break;
            default: brTable(o, depth); break;
        }
    }

    /** A loop that runs local L_COUNT (set to 0..7 first) times; nested loops reuse the counter, ending early. */
    private void loop(WasmBytes o, int depth) {
        if (loops++ > 2) {
            store(o, depth);
            return;
        }
        o.bytes(0x41).s(rng.nextInt(8)).bytes(0x21).u(L_COUNT);
        o.bytes(0x02, 0x40, 0x03, 0x40);
        o.bytes(0x20).u(L_COUNT).bytes(0x45, 0x0d, 0x01);
        statement(o, depth + 1);
        statement(o, depth + 1);
        o.bytes(0x20).u(L_COUNT).bytes(0x41, 0x01, 0x6b, 0x21).u(L_COUNT).bytes(0x0c, 0x00, 0x0b, 0x0b);
    }

    /** Three nested blocks left by a br_table on a random i32, each exit then runs a different statement. */
    private void brTable(WasmBytes o, int depth) {
        o.bytes(0x02, 0x40, 0x02, 0x40, 0x02, 0x40);
        expr(o, 'i', depth + 1);
        o.bytes(0x0e).u(2).u(0).u(1).u(2).bytes(0x0b);
        statement(o, depth + 1);
        o.bytes(0x0b);
        statement(o, depth + 1);
        o.bytes(0x0b);
    }

    private void store(WasmBytes o, int depth) {
        address(o, depth);
        int pick = rng.nextInt(4);
        char t = "ildf".charAt(pick);
        expr(o, t, depth);
        int[] ops = {0x36, 0x37, 0x39, 0x38};
        o.bytes(ops[pick]).u(0).u(rng.nextInt(3) == 0 ? rng.nextInt(70_000) : rng.nextInt(16));
    }

    /** Mostly in-bounds addresses, sometimes anything (out of bounds traps are part of the comparison). */
    private void address(WasmBytes o, int depth) {
        if (rng.nextInt(4) == 0) {
            expr(o, 'i', depth + 1);
        } else {
            o.bytes(0x41).s(rng.nextInt(65536 + 64));
        }
    }

    /** Pushes one value of type i (i32), l (i64), d (f64) or f (f32). */
    private void expr(WasmBytes o, char t, int depth) {
        boolean leaf = depth > 4 || rng.nextInt(3) == 0;
        switch (t) {
            case 'i': i32(o, depth, leaf); break;
            case 'l': i64(o, depth, leaf); break;
            case 'd': f64(o, depth, leaf); break;
            default: f32(o, depth, leaf); break;
        }
    }

    private void i32(WasmBytes o, int d, boolean leaf) {
        int pick = leaf ? rng.nextInt(2) : rng.nextInt(14);
        switch (pick) {
            case 0: o.bytes(0x41).s(edge32()); break;
            case 1: o.bytes(0x20).u(rng.nextBoolean() ? P_I32 : L_I32); break;
            case 2: case 3: expr(o, 'i', d + 1); expr(o, 'i', d + 1); o.bytes(0x6a + rng.nextInt(15)); break;
            case 4: expr(o, 'l', d + 1); expr(o, 'l', d + 1); o.bytes(0x51 + rng.nextInt(10)); break;
            case 5: expr(o, 'd', d + 1); expr(o, 'd', d + 1); o.bytes(0x61 + rng.nextInt(6)); break;
            case 6: load32(o, d); break;
            case 7: expr(o, 'l', d + 1); o.bytes(0xa7); break;
            case 8: expr(o, 'd', d + 1); o.bytes(rng.nextBoolean() ? 0xaa : 0xab); break;
            case 9: expr(o, 'i', d + 1); expr(o, 'i', d + 1); expr(o, 'i', d + 1); o.bytes(0x1b); break;
            case 10: expr(o, 'i', d + 1); o.bytes(0x04, 0x7f); expr(o, 'i', d + 1); o.bytes(0x05); expr(o, 'i', d + 1); o.bytes(0x0b); break;
            case 11: call(o, d); break;
            case 12: expr(o, 'i', d + 1); o.bytes(0x10, 0x00); break;
            default: if (rng.nextBoolean()) { o.bytes(0x3f, 0x00); } else { o.bytes(0x41).s(rng.nextInt(3)).bytes(0x40, 0x00); } break;
        }
    }

    /** i32.load, or one of the four narrow loads (8/16 bits, signed/unsigned). */
    private void load32(WasmBytes o, int d) {
        address(o, d);
        int narrow = rng.nextInt(5);
        o.bytes(narrow == 0 ? 0x28 : 0x2b + narrow, 0, 0);
    }

    /** A direct call of an earlier function (no recursion) or an indirect call through any table slot. */
    private void call(WasmBytes o, int d) {
        expr(o, 'i', d + 2);
        expr(o, 'l', d + 2);
        expr(o, 'd', d + 2);
        if (current > 1 && rng.nextBoolean()) {
            o.bytes(0x10).u(1 + rng.nextInt(current - 1));
        } else {
            o.bytes(0x41).s(rng.nextInt(functions + 2)).bytes(0x11).u(0).u(0);
        }
    }

    private void i64(WasmBytes o, int d, boolean leaf) {
        int pick = leaf ? rng.nextInt(2) : rng.nextInt(6);
        switch (pick) {
            case 0: o.bytes(0x42).s(rng.nextBoolean() ? edge32() : rng.nextLong()); break;
            case 1: o.bytes(0x20).u(rng.nextBoolean() ? P_I64 : L_I64); break;
            case 2: case 3: expr(o, 'l', d + 1); expr(o, 'l', d + 1); o.bytes(0x7c + rng.nextInt(15)); break;
            case 4: expr(o, 'i', d + 1); o.bytes(rng.nextBoolean() ? 0xac : 0xad); break;
            default: if (rng.nextBoolean()) { address(o, d); o.bytes(0x29, 0, 0); } else { expr(o, 'd', d + 1); o.bytes(0xb0 + rng.nextInt(2)); } break;
        }
    }

    private void f64(WasmBytes o, int d, boolean leaf) {
        int pick = leaf ? rng.nextInt(2) : rng.nextInt(6);
        switch (pick) {
            case 0: o.bytes(0x44); o.f64(edgeF64()); break;
            case 1: o.bytes(0x20).u(rng.nextBoolean() ? P_F64 : L_F64); break;
            case 2: case 3: expr(o, 'd', d + 1); expr(o, 'd', d + 1); arithmetic(o, 'd', 0xa0 + rng.nextInt(7)); break;
            case 4: expr(o, 'd', d + 1); arithmetic(o, 'd', 0x99 + rng.nextInt(7)); break;
            default: if (rng.nextBoolean()) { expr(o, 'f', d + 1); arithmetic(o, 'd', 0xbb); } else { expr(o, 'i', d + 1); o.bytes(0xb7 + rng.nextInt(2)); } break;
        }
    }

    private void f32(WasmBytes o, int d, boolean leaf) {
        int pick = leaf ? rng.nextInt(2) : rng.nextInt(4);
        switch (pick) {
            case 0: o.bytes(0x43); o.f32((float) edgeF64()); break;
            case 1: o.bytes(0x20).u(L_F32); break;
            case 2: expr(o, 'f', d + 1); expr(o, 'f', d + 1); arithmetic(o, 'f', 0x92 + rng.nextInt(7)); break;
            default: if (rng.nextBoolean()) { expr(o, 'd', d + 1); arithmetic(o, 'f', 0xb6); } else { address(o, d); o.bytes(0x2a, 0, 0); } break;
        }
    }

    /**
     * Emits float instruction {@code op} and, where the spec leaves the sign and payload of a NaN result open
     * (arithmetic, min/max, rounding, sqrt, promote and demote: the spec's NaN propagation rules under Execution,
     * Numerics, Floating-Point Operations), replaces
     * a NaN result by the positive canonical NaN. Engines may differ there (seed 1004739 stored 0xffc00000 from
     * Chicory, 0x7fc00000 from ours, both correct), and a store or a copysign would make the difference
     * observable. The bit operations (abs, neg, copysign), constants, loads and stores keep their NaNs as they
     * are, so payloads must still travel through them unchanged.
     */
    private static void arithmetic(WasmBytes o, char t, int op) {
        o.bytes(op);
        boolean exact = t == 'f' ? op == 0x98 : op == 0x99 || op == 0x9a || op == 0xa6;
        if (!exact) {
            canonical(o, t);
        }
    }

    /** Replaces a NaN on top of the stack by the positive canonical NaN: {@code select(v, nan, v == v)}. */
    private static void canonical(WasmBytes o, char t) {
        int tmp = t == 'f' ? T_F32 : T_F64;
        o.bytes(0x21).u(tmp).bytes(0x20).u(tmp);
        if (t == 'f') {
            o.bytes(0x43).f32(Float.intBitsToFloat(0x7fc00000));
        } else {
            o.bytes(0x44).f64(Double.longBitsToDouble(0x7ff8000000000000L));
        }
        o.bytes(0x20).u(tmp).bytes(0x20).u(tmp).bytes(t == 'f' ? 0x5b : 0x61, 0x1b);
    }

    private long edge32() {
        long[] e = {0, 1, -1, 2, 31, 32, 63, 64, 0x7fffffffL, -0x80000000L, 65535, 65536};
        return rng.nextBoolean() ? e[rng.nextInt(e.length)] : rng.nextInt();
    }

    private double edgeF64() {
        double[] e = {0, -0.0, 1, -1, 0.5, Double.NaN, Double.POSITIVE_INFINITY, 2147483648.0, -2147483649.0, 1e300};
        return rng.nextBoolean() ? e[rng.nextInt(e.length)] : Double.longBitsToDouble(rng.nextLong());
    }
}
