package io.fssdk.runtime.component.core;

/**
 * The one-byte encodings of <a href="https://webassembly.github.io/spec/core/binary/types.html">value and
 * heap types</a>: the number and vector types, and the abstract heap types that double as the
 * {@code (ref null ht)} shorthands ({@code funcref} is {@code 0x70}). Two more bytes, {@code 0x63}
 * ({@code ref null}) and {@code 0x64} ({@code ref}), are followed by a heap type.
 */
final class CoreValTypes {
    /** {@code (ref null ht)}. */
    static final int REF_NULL = 0x63;
    /** {@code (ref ht)}. */
    static final int REF = 0x64;
    /** The empty block type. */
    static final int EMPTY = 0x40;

    private CoreValTypes() {
    }

    /** Whether {@code b} alone is a value type: i32, i64, f32, f64, v128, or a reference shorthand. */
    static boolean isShorthand(int b) {
        return b >= 0x7b && b <= 0x7f || isAbstractHeapType(b);
    }

    /**
     * Whether {@code b} is an abstract heap type: exn 0x69, array 0x6a, struct 0x6b, i31 0x6c, eq 0x6d,
     * any 0x6e, extern 0x6f, func 0x70, none 0x71, noextern 0x72, nofunc 0x73, noexn 0x74.
     */
    static boolean isAbstractHeapType(int b) {
        return b >= 0x69 && b <= 0x74;
    }
}
