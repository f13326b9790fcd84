package io.fssdk.runtime.component.binary;

/**
 * A core value type, <a href="https://webassembly.github.io/spec/core/binary/types.html#value-types">
 * {@code valtype}</a>, as it appears in core function, global and table types and in resource
 * representations: the numeric and vector types and the two WebAssembly 2.0 reference types. Typed
 * references and GC heap types (WebAssembly 3.0) are rejected when decoding.
 */
public enum CoreValType {
    /** {@code 0x7f}. */
    I32(0x7f, "i32"),
    /** {@code 0x7e}. */
    I64(0x7e, "i64"),
    /** {@code 0x7d}. */
    F32(0x7d, "f32"),
    /** {@code 0x7c}. */
    F64(0x7c, "f64"),
    /** {@code 0x7b}. */
    V128(0x7b, "v128"),
    /** {@code 0x70}. */
    FUNCREF(0x70, "funcref"),
    /** {@code 0x6f}. */
    EXTERNREF(0x6f, "externref");

    private final int code;
    private final String text;

    CoreValType(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The binary code, e.g. {@code 0x7f} for i32. */
    public int code() {
        return code;
    }

    /** The type as written in core text, e.g. "i32". */
    public String text() {
        return text;
    }

    /** Whether this is {@link #FUNCREF} or {@link #EXTERNREF}. */
    public boolean isReference() {
        return this == FUNCREF || this == EXTERNREF;
    }
}
