package io.fssdk.runtime.component.binary;

/**
 * A primitive value type, Binary.md's {@code primvaltype} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>. The 📝 {@code error-context} type ({@code 0x64}) is rejected when decoding.
 */
public enum PrimValType implements ValType, DefValType {
    /** {@code 0x7f}. */
    BOOL(0x7f, "bool"),
    /** {@code 0x7e}. */
    S8(0x7e, "s8"),
    /** {@code 0x7d}. */
    U8(0x7d, "u8"),
    /** {@code 0x7c}. */
    S16(0x7c, "s16"),
    /** {@code 0x7b}. */
    U16(0x7b, "u16"),
    /** {@code 0x7a}. */
    S32(0x7a, "s32"),
    /** {@code 0x79}. */
    U32(0x79, "u32"),
    /** {@code 0x78}. */
    S64(0x78, "s64"),
    /** {@code 0x77}. */
    U64(0x77, "u64"),
    /** {@code 0x76}. */
    F32(0x76, "f32"),
    /** {@code 0x75}. */
    F64(0x75, "f64"),
    /** {@code 0x74}. */
    CHAR(0x74, "char"),
    /** {@code 0x73}. */
    STRING(0x73, "string");

    private static final PrimValType[] BY_CODE = new PrimValType[0x80];

    static {
        for (PrimValType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final String text;

    PrimValType(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The primitive with binary code {@code b}, or {@code null} when {@code b} is not one. */
    static PrimValType fromCode(int b) {
        return b >= 0 && b < BY_CODE.length ? BY_CODE[b] : null;
    }

    /** The binary code, e.g. {@code 0x7f} for bool. */
    public int code() {
        return code;
    }

    /** The type as written in WIT, e.g. "u32". */
    public String text() {
        return text;
    }
}
