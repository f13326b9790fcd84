package io.fssdk.runtime.component;

/**
 * The WIT primitive types: {@code bool}, the eight integer types, the two float types, {@code char} and
 * {@code string}. Java carries each in the same-width Java type (unsigned types bit for bit, so WIT
 * {@code u32} is a Java {@code int} and {@code u64} a {@code long}); see {@link WitValue}.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Explainer.md#fundamental-value-types">
 *     Explainer: fundamental value types</a>
 */
public enum PrimitiveType implements WitType {
    /** {@code bool}. */
    BOOL("bool"),
    /** {@code s8}. */
    S8("s8"),
    /** {@code u8}. */
    U8("u8"),
    /** {@code s16}. */
    S16("s16"),
    /** {@code u16}. */
    U16("u16"),
    /** {@code s32}. */
    S32("s32"),
    /** {@code u32}. */
    U32("u32"),
    /** {@code s64}. */
    S64("s64"),
    /** {@code u64}. */
    U64("u64"),
    /** {@code f32}. */
    F32("f32"),
    /** {@code f64}. */
    F64("f64"),
    /** {@code char}: one Unicode scalar value. */
    CHAR("char"),
    /** {@code string}: a sequence of Unicode scalar values. */
    STRING("string");

    private final String wit;

    PrimitiveType(String wit) {
        this.wit = wit;
    }

    @Override
    public String wit() {
        return wit;
    }

    @Override
    public String toString() {
        return wit;
    }
}
