package io.fssdk.runtime.component.core;

/**
 * Decodes <a href="https://webassembly.github.io/spec/core/binary/instructions.html">instructions</a> to
 * find their boundaries, rewriting the few immediates that are type indices: {@code call_indirect} and
 * {@code return_call_indirect} ({@code 0x11}, {@code 0x13}), {@code call_ref} and {@code return_call_ref}
 * ({@code 0x14}, {@code 0x15}), block types of {@code block}, {@code loop}, {@code if}, {@code try} and
 * {@code try_table}, and heap types in {@code ref.null}, {@code select t*} and local declarations.
 *
 * <p>Covered: the MVP, sign extension, non-trapping conversions, multi-value, bulk memory, reference
 * types, tail calls, extended constants, typed function references (but not GC's {@code 0xfb} prefix,
 * which raises {@link CoreUnsupported}), multi-memory and 64-bit memory immediates, exception handling
 * (both {@code try_table}/{@code throw_ref} and the legacy {@code try}/{@code catch}/{@code delegate}), and
 * through {@link CorePrefixedOps} SIMD, relaxed SIMD and threads. An unknown opcode is malformed.
 */
final class CoreExpressions {
    private CoreExpressions() {
    }

    /**
     * Decodes an expression up to and including the {@code end} that closes it: a function body or a
     * constant expression. Nesting is counted so an inner {@code end} does not stop it.
     */
    static void expr(CoreCursor c) {
        int depth = 0;
        while (true) {
            int at = c.pos();
            int op = c.u8();
            switch (op) {
                case 0x00, 0x01, 0x05, 0x0a, 0x0f, 0x19, 0x1a, 0x1b, 0xd1, 0xd3, 0xd4 -> {
                    // unreachable nop else throw_ref return catch_all drop select ref.is_null ref.eq
                    // ref.as_non_null: no immediates.
                }
                case 0x02, 0x03, 0x04, 0x06 -> {
                    // block loop if try
                    blockType(c);
                    depth++;
                }
                case 0x0b -> {
                    if (depth == 0) {
                        return;
                    }
                    depth--;
                }
                case 0x18 -> {
                    // delegate: ends a legacy try in place of end.
                    c.u32();
                    depth--;
                    if (depth < 0) {
                        throw c.error(at, "delegate outside a try block");
                    }
                }
                case 0x07, 0x08, 0x09, 0x0c, 0x0d, 0x10, 0x12, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0xd2, 0xd5,
                        0xd6 -> {
                    // catch throw rethrow br br_if call return_call local.* global.* table.get table.set
                    // ref.func br_on_null br_on_non_null: one index.
                    c.u32();
                }
                case 0x0e -> {
                    // br_table: a vector of labels and a default.
                    int n = c.count();
                    for (int i = 0; i <= n; i++) {
                        c.u32();
                    }
                }
                case 0x11, 0x13 -> {
                    // call_indirect, return_call_indirect: type index, table index.
                    c.typeIndex();
                    c.u32();
                }
                case 0x14, 0x15 -> c.typeIndex();
                case 0x1c -> {
                    int n = c.count();
                    for (int i = 0; i < n; i++) {
                        valType(c);
                    }
                }
                case 0x1f -> {
                    tryTable(c);
                    depth++;
                }
                case 0x3f, 0x40 -> c.u32();
                case 0x41 -> c.leb(5);
                case 0x42 -> c.leb(10);
                case 0x43 -> c.skip(4);
                case 0x44 -> c.skip(8);
                case 0xd0 -> heapType(c);
                case 0xfb -> throw new CoreUnsupported("a gc instruction at offset " + at);
                case 0xfc -> CorePrefixedOps.misc(c, at);
                case 0xfd -> CorePrefixedOps.simd(c, at);
                case 0xfe -> CorePrefixedOps.atomic(c, at);
                default -> {
                    if (op >= 0x28 && op <= 0x3e) {
                        memarg(c);
                    } else if (op < 0x45 || op > 0xc4) {
                        // 0x45..0xc4 are the numeric instructions, none with immediates.
                        throw c.error(at, String.format("unknown opcode 0x%02x", op));
                    }
                }
            }
        }
    }

    /** {@code try_table}: a block type and a vector of catch clauses. */
    private static void tryTable(CoreCursor c) {
        blockType(c);
        int n = c.count();
        for (int i = 0; i < n; i++) {
            int at = c.pos();
            int kind = c.u8();
            switch (kind) {
                case 0x00, 0x01 -> {
                    // catch, catch_ref: tag and label.
                    c.u32();
                    c.u32();
                }
                case 0x02, 0x03 -> c.u32();
                default -> throw c.error(at, String.format("bad catch clause kind 0x%02x", kind));
            }
        }
    }

    /**
     * A memory argument: alignment flags, a memory index when flag bit 6 is set (multi-memory), and an
     * offset of up to 64 bits (64-bit memory).
     */
    static void memarg(CoreCursor c) {
        int align = c.u32();
        if ((align & 0x40) != 0) {
            c.u32();
        }
        c.leb(10);
    }

    /** A block type: empty ({@code 0x40}), one value type, or a type index as a non-negative s33. */
    static void blockType(CoreCursor c) {
        int b = c.peek();
        if (b == CoreValTypes.EMPTY || CoreValTypes.isShorthand(b)) {
            c.u8();
        } else if (b == CoreValTypes.REF_NULL || b == CoreValTypes.REF) {
            c.u8();
            heapType(c);
        } else {
            int at = c.pos();
            long index = c.s33();
            if (index < 0) {
                throw c.error(at, "bad block type " + index);
            }
            c.typeIndexS33(at, index);
        }
    }

    /** A value type; only {@code (ref $t)} and {@code (ref null $t)} hold a type index. */
    static void valType(CoreCursor c) {
        int at = c.pos();
        int b = c.u8();
        if (b == CoreValTypes.REF_NULL || b == CoreValTypes.REF) {
            heapType(c);
        } else if (!CoreValTypes.isShorthand(b)) {
            throw c.error(at, String.format("bad value type 0x%02x", b));
        }
    }

    /** A heap type: an abstract one (a negative s33 of one byte) or a type index. */
    static void heapType(CoreCursor c) {
        int at = c.pos();
        long ht = c.s33();
        if (ht >= 0) {
            c.typeIndexS33(at, ht);
        } else if (ht < -0x40 || !CoreValTypes.isAbstractHeapType((int) (ht + 0x80))) {
            throw c.error(at, "bad heap type " + ht);
        }
    }
}
