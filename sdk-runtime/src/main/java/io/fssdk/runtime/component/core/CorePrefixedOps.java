package io.fssdk.runtime.component.core;

/**
 * The prefixed instructions, whose second part is a {@code u32}: {@code 0xfc} (saturating conversions,
 * bulk memory and table instructions), {@code 0xfd}
 * (<a href="https://webassembly.github.io/spec/core/binary/instructions.html#vector-instructions">vector
 * instructions</a>, plus relaxed SIMD) and {@code 0xfe} (the threads proposal's atomics). None of them
 * holds a type index; they are decoded only to be stepped over.
 */
final class CorePrefixedOps {
    /** Relaxed SIMD ends the {@code 0xfd} space at {@code i32x4.relaxed_dot_i8x16_i7x16_add_s}. */
    private static final int SIMD_LAST = 0x113;
    /**
     * The gaps in {@code 0xfd 0x00..0xff}, numbers the SIMD proposal reserved and never assigned; bit
     * {@code n} of word {@code n / 64} is set for each.
     */
    private static final long[] SIMD_UNASSIGNED = unassigned(0x9a, 0xa2, 0xa5, 0xa6, 0xaf, 0xb0, 0xb2, 0xb3, 0xb4,
            0xbb, 0xc2, 0xc5, 0xc6, 0xcf, 0xd0, 0xd2, 0xd3, 0xd4, 0xe2, 0xee);

    private CorePrefixedOps() {
    }

    /** {@code 0xfc}: 0..7 have no immediates; 8..17 take one or two indices. */
    static void misc(CoreCursor c, int at) {
        int sub = c.u32();
        switch (sub) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> {
                // i32/i64.trunc_sat_*
            }
            case 8, 10, 12, 14 -> {
                // memory.init data mem, memory.copy mem mem, table.init elem table, table.copy table table
                c.u32();
                c.u32();
            }
            case 9, 11, 13, 15, 16, 17 -> c.u32();
            default -> throw c.error(at, "unknown opcode 0xfc " + sub);
        }
    }

    /** {@code 0xfd}: loads and stores take a memory argument, lanes a byte, constants 16 bytes. */
    static void simd(CoreCursor c, int at) {
        int sub = c.u32();
        if (sub < 0 || sub > SIMD_LAST || sub < 0x100 && (SIMD_UNASSIGNED[sub >>> 6] & 1L << sub) != 0) {
            throw c.error(at, "unknown opcode 0xfd " + sub);
        }
        if (sub <= 0x0b || sub == 0x5c || sub == 0x5d) {
            // v128.load*, v128.store, v128.load32_zero, v128.load64_zero
            CoreExpressions.memarg(c);
        } else if (sub == 0x0c || sub == 0x0d) {
            // v128.const, i8x16.shuffle
            c.skip(16);
        } else if (sub >= 0x15 && sub <= 0x22) {
            // extract_lane and replace_lane
            c.skip(1);
        } else if (sub >= 0x54 && sub <= 0x5b) {
            // v128.load*_lane, v128.store*_lane
            CoreExpressions.memarg(c);
            c.skip(1);
        }
    }

    /** {@code 0xfe}: {@code atomic.fence} takes a zero byte; every other atomic a memory argument. */
    static void atomic(CoreCursor c, int at) {
        int sub = c.u32();
        if (sub == 0x03) {
            c.u8();
        } else if (sub <= 0x02 || sub >= 0x10 && sub <= 0x4e) {
            CoreExpressions.memarg(c);
        } else {
            throw c.error(at, "unknown opcode 0xfe " + sub);
        }
    }

    private static long[] unassigned(int... ops) {
        long[] bits = new long[4];
        for (int op : ops) {
            bits[op >>> 6] |= 1L << op;
        }
        return bits;
    }
}
