package io.fssdk.runtime.component.binary;

/**
 * Steps over a core <a href="https://webassembly.github.io/spec/core/valid/instructions.html#constant-expressions">
 * constant expression</a> (a global's initializer), which has no length prefix, so that
 * {@link CoreModuleTypeReader} can reach the entries after it. Only the WebAssembly 2.0 constant instructions and
 * the extended-const arithmetic are known; anything else is a later proposal and reported as unsupported, since
 * its immediates cannot be skipped without decoding it.
 */
final class ConstExprSkipper {
    private static final int END = 0x0b;
    private static final int GLOBAL_GET = 0x23;
    private static final int I32_CONST = 0x41;
    private static final int I64_CONST = 0x42;
    private static final int F32_CONST = 0x43;
    private static final int F64_CONST = 0x44;
    private static final int REF_NULL = 0xd0;
    private static final int REF_FUNC = 0xd2;
    private static final int SIMD_PREFIX = 0xfd;
    private static final int V128_CONST = 12;
    /** Longest LEB128: an s64 takes at most 10 bytes. */
    private static final int MAX_LEB_BYTES = 10;

    private ConstExprSkipper() {
    }

    /** Advances {@code r} past one constant expression, its {@code end} included. */
    static void skip(BinaryReader r) {
        while (true) {
            int at = r.offset();
            int op = r.u8("constant expression");
            switch (op) {
                case END -> {
                    return;
                }
                case I32_CONST, I64_CONST -> leb(r);
                case GLOBAL_GET, REF_FUNC -> r.index("index in a constant expression");
                case F32_CONST -> bytes(r, 4);
                case F64_CONST -> bytes(r, 8);
                case REF_NULL -> {
                    int heap = r.u8("heap type");
                    if (heap != CoreValType.FUNCREF.code() && heap != CoreValType.EXTERNREF.code()) {
                        throw r.unsupported(at, "typed reference in a constant expression", "webassembly 3.0 gc");
                    }
                }
                case SIMD_PREFIX -> {
                    if (r.u32("vector instruction") != V128_CONST) {
                        throw r.errorAt(at, "only v128.const is a constant vector instruction");
                    }
                    bytes(r, 16);
                }
                // i32.add, i32.sub, i32.mul, i64.add, i64.sub, i64.mul: extended-const, no immediates.
                case 0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e -> {
                }
                default -> throw r.unsupported(at, String.format("instruction 0x%02x in a constant expression", op),
                        "a proposal after webassembly 2.0");
            }
        }
    }

    private static void leb(BinaryReader r) {
        for (int i = 0; i < MAX_LEB_BYTES; i++) {
            if ((r.u8("integer constant") & 0x80) == 0) {
                return;
            }
        }
        throw r.error("integer constant representation too long");
    }

    private static void bytes(BinaryReader r, int n) {
        for (int i = 0; i < n; i++) {
            r.u8("floating-point or vector constant");
        }
    }
}
