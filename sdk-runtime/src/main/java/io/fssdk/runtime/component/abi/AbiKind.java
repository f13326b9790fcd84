package io.fssdk.runtime.component.abi;

/**
 * Which WIT case an {@link AbiType} was compiled from. Layout and the memory and flat operations work on
 * the despecialized shape (a tuple is laid out as a record, an enum, option or result as a variant);
 * the kind remembers the original case so lifting builds the right {@code WitValue}.
 */
public enum AbiKind {
    /** {@code bool}. */ BOOL,
    /** {@code s8}. */ S8,
    /** {@code u8}. */ U8,
    /** {@code s16}. */ S16,
    /** {@code u16}. */ U16,
    /** {@code s32}. */ S32,
    /** {@code u32}. */ U32,
    /** {@code s64}. */ S64,
    /** {@code u64}. */ U64,
    /** {@code f32}. */ F32,
    /** {@code f64}. */ F64,
    /** {@code char}. */ CHAR,
    /** {@code string}. */ STRING,
    /** {@code list<T>}. */ LIST,
    /** {@code record}. */ RECORD,
    /** {@code tuple}, laid out as a record. */ TUPLE,
    /** {@code variant}. */ VARIANT,
    /** {@code enum}, laid out as a variant without payloads. */ ENUM,
    /** {@code option}, laid out as {@code variant { none, some(T) }}. */ OPTION,
    /** {@code result}, laid out as {@code variant { ok(T?), error(E?) }}. */ RESULT,
    /** {@code flags}. */ FLAGS,
    /** {@code own<R>}. */ OWN,
    /** {@code borrow<R>}. */ BORROW
}
