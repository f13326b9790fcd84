package io.fssdk.runtime.component;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A component-model value: one record per WIT case, checked against a {@link WitType} at the boundary
 * ({@link WitValues#check}). Unsigned integers are kept bit for bit in the same-width Java type, with
 * unsigned accessors. {@code list<u8>} has a fast case, {@link Bytes}; lifting a {@code list<u8>} always
 * yields {@code Bytes}, and lowering accepts {@code Bytes} or a {@link ListValue} of {@link U8}. Records,
 * tuples and variants refer to fields and cases by position, in type order.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Explainer.md#type-definitions">
 *     Explainer: type definitions</a>
 */
public sealed interface WitValue permits WitValue.Bool, WitValue.S8, WitValue.U8, WitValue.S16, WitValue.U16,
        WitValue.S32, WitValue.U32, WitValue.S64, WitValue.U64, WitValue.F32, WitValue.F64, WitValue.Char,
        WitValue.Str, WitValue.Bytes, WitValue.ListValue, WitValue.Record, WitValue.Tuple, WitValue.Variant,
        WitValue.EnumValue, WitValue.OptionValue, WitValue.ResultValue, WitValue.Flags, WitValue.Own,
        WitValue.Borrow {

    /**
     * A {@code bool}.
     *
     * @param value the value
     */
    record Bool(boolean value) implements WitValue { }

    /**
     * An {@code s8}.
     *
     * @param value the value
     */
    record S8(byte value) implements WitValue { }

    /**
     * A {@code u8}, bit for bit.
     *
     * @param value the bits
     */
    record U8(byte value) implements WitValue {
        /** The value as 0..255. */
        public int unsignedValue() {
            return Byte.toUnsignedInt(value);
        }
    }

    /**
     * An {@code s16}.
     *
     * @param value the value
     */
    record S16(short value) implements WitValue { }

    /**
     * A {@code u16}, bit for bit.
     *
     * @param value the bits
     */
    record U16(short value) implements WitValue {
        /** The value as 0..65535. */
        public int unsignedValue() {
            return Short.toUnsignedInt(value);
        }
    }

    /**
     * An {@code s32}.
     *
     * @param value the value
     */
    record S32(int value) implements WitValue { }

    /**
     * A {@code u32}, bit for bit.
     *
     * @param value the bits
     */
    record U32(int value) implements WitValue {
        /** The value as 0..2<sup>32</sup>-1. */
        public long unsignedValue() {
            return Integer.toUnsignedLong(value);
        }
    }

    /**
     * An {@code s64}.
     *
     * @param value the value
     */
    record S64(long value) implements WitValue { }

    /**
     * A {@code u64}, bit for bit.
     *
     * @param value the bits
     */
    record U64(long value) implements WitValue {
        /** The value as 0..2<sup>64</sup>-1. */
        public BigInteger unsignedValue() {
            return new BigInteger(Long.toUnsignedString(value));
        }
    }

    /**
     * An {@code f32}. Lifting canonicalizes NaN, as the spec does.
     *
     * @param value the value
     */
    record F32(float value) implements WitValue { }

    /**
     * An {@code f64}. Lifting canonicalizes NaN, as the spec does.
     *
     * @param value the value
     */
    record F64(double value) implements WitValue { }

    /**
     * A {@code char}: one Unicode scalar value.
     *
     * @param codePoint a code point in 0..0x10FFFF that is not a surrogate
     */
    record Char(int codePoint) implements WitValue {
        /** Rejects surrogates and values beyond U+10FFFF. */
        public Char {
            if (codePoint < 0 || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                throw new IllegalArgumentException("not a unicode scalar value: 0x" + Integer.toHexString(codePoint));
            }
        }
    }

    /**
     * A {@code string}.
     *
     * @param value the text; lone surrogates are rejected, since WIT strings hold scalar values only
     */
    record Str(String value) implements WitValue {
        /** Rejects null and strings holding a lone surrogate. */
        public Str {
            int bad = WitValues.loneSurrogateIndex(Objects.requireNonNull(value, "value"));
            if (bad >= 0) {
                throw new IllegalArgumentException("string has a lone surrogate at index " + bad);
            }
        }
    }

    /**
     * A {@code list<u8>}, the fast case. The array is copied in and out; equality is by content.
     *
     * @param bytes the bytes
     */
    record Bytes(byte[] bytes) implements WitValue {
        /** Copies the array. */
        public Bytes {
            bytes = bytes.clone();
        }

        /** A copy of the bytes. */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The number of bytes. */
        public int length() {
            return bytes.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes && Arrays.equals(bytes, ((Bytes) o).bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Bytes" + Arrays.toString(bytes);
        }
    }

    /**
     * A {@code list<T>}.
     *
     * @param elements the elements
     */
    record ListValue(List<WitValue> elements) implements WitValue {
        /** Copies the list. */
        public ListValue {
            elements = List.copyOf(elements);
        }
    }

    /**
     * A {@code record}.
     *
     * @param fields the field values, in the type's field order
     */
    record Record(List<WitValue> fields) implements WitValue {
        /** Copies the list. */
        public Record {
            fields = List.copyOf(fields);
        }
    }

    /**
     * A {@code tuple}.
     *
     * @param elements the elements, in order
     */
    record Tuple(List<WitValue> elements) implements WitValue {
        /** Copies the list. */
        public Tuple {
            elements = List.copyOf(elements);
        }
    }

    /**
     * A {@code variant} case.
     *
     * @param caseIndex the case's position in the type
     * @param payload the payload, present exactly when the case has a type
     */
    record Variant(int caseIndex, Optional<WitValue> payload) implements WitValue {
        /** Rejects a negative index and a null payload. */
        public Variant {
            requireIndex(caseIndex);
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * An {@code enum} case.
     *
     * @param index the case's position in the type
     */
    record EnumValue(int index) implements WitValue {
        /** Rejects a negative index. */
        public EnumValue {
            requireIndex(index);
        }
    }

    /**
     * An {@code option}.
     *
     * @param value the value, if {@code some}
     */
    record OptionValue(Optional<WitValue> value) implements WitValue {
        /** Rejects null. */
        public OptionValue {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A {@code result}.
     *
     * @param ok whether this is the {@code ok} case (else {@code error})
     * @param payload the payload, present exactly when that side of the type has one
     */
    record ResultValue(boolean ok, Optional<WitValue> payload) implements WitValue {
        /** Rejects null. */
        public ResultValue {
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * A {@code flags} value: the set of label positions that are set; any count of labels.
     *
     * @param bits bit {@code i} is set when label {@code i} is; copied in and out
     */
    record Flags(BitSet bits) implements WitValue {
        /** Copies the set. */
        public Flags {
            bits = (BitSet) bits.clone();
        }

        /** A copy of the set. */
        @Override
        public BitSet bits() {
            return (BitSet) bits.clone();
        }

        /** Whether label {@code index} is set. */
        public boolean isSet(int index) {
            return bits.get(index);
        }
    }

    /**
     * An {@code own<R>}.
     *
     * @param handle an owning handle
     */
    record Own(ResourceHandle handle) implements WitValue {
        /** Rejects null. */
        public Own {
            Objects.requireNonNull(handle, "handle");
        }
    }

    /**
     * A {@code borrow<R>}.
     *
     * @param handle an owning handle or a borrowed view
     */
    record Borrow(ResourceHandle handle) implements WitValue {
        /** Rejects null. */
        public Borrow {
            Objects.requireNonNull(handle, "handle");
        }
    }

    /** {@code bool}. */
    static Bool bool(boolean value) {
        return new Bool(value);
    }

    /** {@code s8}; rejects values outside -128..127. */
    static S8 s8(int value) {
        return new S8((byte) requireRange(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "s8"));
    }

    /** {@code u8}; rejects values outside 0..255. */
    static U8 u8(int value) {
        return new U8((byte) requireRange(value, 0, 0xFF, "u8"));
    }

    /** {@code s16}; rejects values outside -32768..32767. */
    static S16 s16(int value) {
        return new S16((short) requireRange(value, Short.MIN_VALUE, Short.MAX_VALUE, "s16"));
    }

    /** {@code u16}; rejects values outside 0..65535. */
    static U16 u16(int value) {
        return new U16((short) requireRange(value, 0, 0xFFFF, "u16"));
    }

    /** {@code s32}. */
    static S32 s32(int value) {
        return new S32(value);
    }

    /** {@code u32}, bit for bit ({@code -1} is 2<sup>32</sup>-1). */
    static U32 u32(int bits) {
        return new U32(bits);
    }

    /** {@code s64}. */
    static S64 s64(long value) {
        return new S64(value);
    }

    /** {@code u64}, bit for bit. */
    static U64 u64(long bits) {
        return new U64(bits);
    }

    /** {@code f32}. */
    static F32 f32(float value) {
        return new F32(value);
    }

    /** {@code f64}. */
    static F64 f64(double value) {
        return new F64(value);
    }

    /** {@code char}; rejects surrogates and values beyond U+10FFFF. */
    static Char character(int codePoint) {
        return new Char(codePoint);
    }

    /** {@code string}. */
    static Str string(String value) {
        return new Str(value);
    }

    /** {@code list<u8>} (copies the array). */
    static Bytes bytes(byte[] bytes) {
        return new Bytes(bytes);
    }

    /** {@code list<T>}. */
    static ListValue list(WitValue... elements) {
        return new ListValue(List.of(elements));
    }

    /** {@code record}, fields in type order. */
    static Record record(WitValue... fields) {
        return new Record(List.of(fields));
    }

    /** {@code tuple}. */
    static Tuple tuple(WitValue... elements) {
        return new Tuple(List.of(elements));
    }

    /** A variant case without payload. */
    static Variant variant(int caseIndex) {
        return new Variant(caseIndex, Optional.empty());
    }

    /** A variant case with a payload. */
    static Variant variant(int caseIndex, WitValue payload) {
        return new Variant(caseIndex, Optional.of(payload));
    }

    /** An enum case. */
    static EnumValue enumCase(int index) {
        return new EnumValue(index);
    }

    /** {@code some(value)}. */
    static OptionValue some(WitValue value) {
        return new OptionValue(Optional.of(value));
    }

    /** {@code none}. */
    static OptionValue none() {
        return new OptionValue(Optional.empty());
    }

    /** {@code ok(value)}. */
    static ResultValue ok(WitValue value) {
        return new ResultValue(true, Optional.of(value));
    }

    /** {@code ok} without payload. */
    static ResultValue ok() {
        return new ResultValue(true, Optional.empty());
    }

    /** {@code error(value)}. */
    static ResultValue err(WitValue value) {
        return new ResultValue(false, Optional.of(value));
    }

    /** {@code error} without payload. */
    static ResultValue err() {
        return new ResultValue(false, Optional.empty());
    }

    /** {@code flags} with the given label positions set. */
    static Flags flags(int... setIndices) {
        BitSet bits = new BitSet();
        for (int i : setIndices) {
            bits.set(requireIndex(i));
        }
        return new Flags(bits);
    }

    /** {@code own<R>}. */
    static Own own(ResourceHandle handle) {
        return new Own(handle);
    }

    /** {@code borrow<R>}. */
    static Borrow borrow(ResourceHandle handle) {
        return new Borrow(handle);
    }

    private static int requireRange(int value, int min, int max, String type) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is out of range for " + type);
        }
        return value;
    }

    private static int requireIndex(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        return index;
    }
}
