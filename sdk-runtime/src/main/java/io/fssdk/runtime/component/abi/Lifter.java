package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.WitValue;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;

/**
 * Lifting: guest representations to {@link WitValue}s, from flat core values ({@code lift_flat}) or from
 * linear memory ({@code load}). Malformed guest data traps: a bad {@code char}, a discriminant out of
 * range, a misaligned or out-of-bounds list or string, invalid string encoding, a bad handle.
 *
 * <p>As the spec does, a {@code bool} is true for any nonzero value, narrow integers ignore the unused
 * high bits of their {@code i32}, flags ignore bits beyond the last label, and NaNs are canonicalized.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#loading">
 *     CanonicalABI.md: loading</a>,
 *     <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#flat-lifting">
 *     flat lifting</a>
 */
public final class Lifter {
    /** The spec's {@code MAX_LIST_BYTE_LENGTH}. */
    static final long MAX_LIST_BYTE_LENGTH = (1L << 28) - 1;
    private static final WitValue.Bool TRUE = new WitValue.Bool(true);
    private static final WitValue.Bool FALSE = new WitValue.Bool(false);

    private Lifter() {
    }

    /** Lifts one value of type {@code t} from the flat values at {@code in}, advancing it. */
    public static WitValue liftFlat(AbiContext cx, AbiType t, FlatCursor in) {
        return switch (t.kind()) {
            case BOOL -> in.nextI32() != 0 ? TRUE : FALSE;
            case S8 -> new WitValue.S8((byte) in.nextI32());
            case U8 -> new WitValue.U8((byte) in.nextI32());
            case S16 -> new WitValue.S16((short) in.nextI32());
            case U16 -> new WitValue.U16((short) in.nextI32());
            case S32 -> new WitValue.S32(in.nextI32());
            case U32 -> new WitValue.U32(in.nextI32());
            case S64 -> new WitValue.S64(in.nextI64());
            case U64 -> new WitValue.U64(in.nextI64());
            case F32 -> new WitValue.F32(canonicalize(in.nextF32()));
            case F64 -> new WitValue.F64(canonicalize(in.nextF64()));
            case CHAR -> character(cx, in.nextI32());
            case STRING -> new WitValue.Str(Strings.lift(cx.options(), in.nextI32(), in.nextI32()));
            case LIST -> list(cx, (ListAbi) t, in.nextI32(), in.nextI32());
            case RECORD, TUPLE -> recordFlat(cx, (RecordAbi) t, in);
            case VARIANT, ENUM, OPTION, RESULT -> variantFlat(cx, (VariantAbi) t, in);
            case FLAGS -> flagsFlat((FlagsAbi) t, in);
            case OWN -> new WitValue.Own(table(cx, t).liftOwn(in.nextI32()));
            case BORROW -> new WitValue.Borrow(table(cx, t).liftBorrow(in.nextI32(), cx.scope()));
        };
    }

    /** Loads one value of type {@code t} from memory at {@code ptr}, which the caller has checked. */
    public static WitValue load(AbiContext cx, AbiType t, int ptr) {
        GuestMemory m = cx.memory();
        return switch (t.kind()) {
            case BOOL -> m.read8(ptr) != 0 ? TRUE : FALSE;
            case S8 -> new WitValue.S8(m.read8(ptr));
            case U8 -> new WitValue.U8(m.read8(ptr));
            case S16 -> new WitValue.S16(m.read16(ptr));
            case U16 -> new WitValue.U16(m.read16(ptr));
            case S32 -> new WitValue.S32(m.read32(ptr));
            case U32 -> new WitValue.U32(m.read32(ptr));
            case S64 -> new WitValue.S64(m.read64(ptr));
            case U64 -> new WitValue.U64(m.read64(ptr));
            case F32 -> new WitValue.F32(canonicalize(m.readF32(ptr)));
            case F64 -> new WitValue.F64(canonicalize(m.readF64(ptr)));
            case CHAR -> character(cx, m.read32(ptr));
            case STRING -> new WitValue.Str(Strings.lift(cx.options(), m.read32(ptr), m.read32(ptr + 4)));
            case LIST -> list(cx, (ListAbi) t, m.read32(ptr), m.read32(ptr + 4));
            case RECORD, TUPLE -> recordAt(cx, (RecordAbi) t, ptr);
            case VARIANT, ENUM, OPTION, RESULT -> variantAt(cx, (VariantAbi) t, ptr);
            case FLAGS -> flagsAt(m, (FlagsAbi) t, ptr);
            case OWN -> new WitValue.Own(table(cx, t).liftOwn(m.read32(ptr)));
            case BORROW -> new WitValue.Borrow(table(cx, t).liftBorrow(m.read32(ptr), cx.scope()));
        };
    }

    /**
     * The spec's {@code load_list_from_range}: checks the byte length against the limit, the alignment
     * and the bounds, then loads; a {@code list<u8>} is one bulk copy into {@link WitValue.Bytes}.
     */
    static WitValue list(AbiContext cx, ListAbi t, int ptr, int length) {
        AbiType e = t.element();
        checkListRange(cx, ptr, length, e.size(), e.align());
        if (t.isBytes()) {
            return new WitValue.Bytes(cx.memory().readBytes(ptr, length));
        }
        WitValue[] out = new WitValue[length];
        for (int i = 0; i < length; i++) {
            out[i] = load(cx, e, ptr + i * e.size());
        }
        return new WitValue.ListValue(Arrays.asList(out));
    }

    /** Traps unless a list of {@code length} elements of the given size and alignment fits at {@code ptr}. */
    static void checkListRange(AbiContext cx, int ptr, int length, int elemSize, int elemAlign) {
        long bytes = Integer.toUnsignedLong(length) * elemSize;
        if (bytes > MAX_LIST_BYTE_LENGTH) {
            throw cx.trap("list of " + bytes + " bytes exceeds the limit of " + MAX_LIST_BYTE_LENGTH);
        }
        cx.checkAligned(ptr, elemAlign, "list");
        cx.checkBounds(ptr, bytes, "list");
    }

    private static WitValue recordFlat(AbiContext cx, RecordAbi r, FlatCursor in) {
        WitValue[] fields = new WitValue[r.fieldCount()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = liftFlat(cx, r.field(i), in);
        }
        return Despecializer.record(r.kind(), Arrays.asList(fields));
    }

    private static WitValue recordAt(AbiContext cx, RecordAbi r, int ptr) {
        WitValue[] fields = new WitValue[r.fieldCount()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = load(cx, r.field(i), ptr + r.offset(i));
        }
        return Despecializer.record(r.kind(), Arrays.asList(fields));
    }

    private static WitValue variantFlat(AbiContext cx, VariantAbi v, FlatCursor in) {
        int start = in.position();
        int index = checkCase(cx, v, Integer.toUnsignedLong(in.nextI32()));
        AbiType payload = v.payloadOrNull(index);
        Optional<WitValue> value = payload == null ? Optional.empty() : Optional.of(liftFlat(cx, payload, in));
        // Skip the joined slots this case does not use; truncating reads already did the coercions.
        in.seek(start + v.flatCount());
        return Despecializer.variant(v.kind(), index, value);
    }

    private static WitValue variantAt(AbiContext cx, VariantAbi v, int ptr) {
        int index = checkCase(cx, v, readDiscriminant(cx.memory(), ptr, v.discriminantSize()));
        AbiType payload = v.payloadOrNull(index);
        Optional<WitValue> value = payload == null ? Optional.empty()
                : Optional.of(load(cx, payload, ptr + v.payloadOffset()));
        return Despecializer.variant(v.kind(), index, value);
    }

    private static WitValue flagsFlat(FlagsAbi f, FlatCursor in) {
        long[] words = new long[(f.words() + 1) / 2];
        for (int w = 0; w < f.words(); w++) {
            words[w / 2] |= Integer.toUnsignedLong(in.nextI32()) << (32 * (w % 2));
        }
        return flags(f, words);
    }

    private static WitValue flagsAt(GuestMemory m, FlagsAbi f, int ptr) {
        long[] words = new long[(f.words() + 1) / 2];
        if (f.size() < 4) {
            words[0] = f.size() == 1 ? Byte.toUnsignedLong(m.read8(ptr)) : Short.toUnsignedLong(m.read16(ptr));
        } else {
            for (int w = 0; w < f.words(); w++) {
                words[w / 2] |= Integer.toUnsignedLong(m.read32(ptr + 4 * w)) << (32 * (w % 2));
            }
        }
        return flags(f, words);
    }

    private static long readDiscriminant(GuestMemory m, int ptr, int size) {
        if (size == 1) {
            return Byte.toUnsignedLong(m.read8(ptr));
        }
        return size == 2 ? Short.toUnsignedLong(m.read16(ptr)) : Integer.toUnsignedLong(m.read32(ptr));
    }

    private static int checkCase(AbiContext cx, VariantAbi v, long index) {
        if (index >= v.caseCount()) {
            throw cx.trap("discriminant " + index + " out of range for " + v.wit().wit());
        }
        return (int) index;
    }

    private static WitValue flags(FlagsAbi f, long[] words) {
        BitSet bits = BitSet.valueOf(words);
        // The spec's unpack_flags_from_int reads one bit per label: bits beyond the last label are ignored.
        bits.clear(f.labelCount(), Math.max(f.labelCount(), bits.length()));
        return new WitValue.Flags(bits);
    }

    private static WitValue character(AbiContext cx, int i) {
        if (Integer.compareUnsigned(i, 0x110000) >= 0 || (i >= 0xD800 && i <= 0xDFFF)) {
            throw cx.trap("invalid char 0x" + Integer.toHexString(i));
        }
        return new WitValue.Char(i);
    }

    private static HandleTable table(AbiContext cx, AbiType t) {
        return cx.tables().table(((HandleAbi) t).resource());
    }

    /** The spec's {@code canonicalize_nan32}. */
    static float canonicalize(float f) {
        return f != f ? Float.intBitsToFloat(0x7fc00000) : f;
    }

    /** The spec's {@code canonicalize_nan64}. */
    static double canonicalize(double d) {
        return d != d ? Double.longBitsToDouble(0x7ff8000000000000L) : d;
    }
}
