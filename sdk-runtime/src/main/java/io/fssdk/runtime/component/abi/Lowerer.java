package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.ResourceHandle;
import io.fssdk.runtime.component.WitValue;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Lowering: {@link WitValue}s into a guest, as flat core values ({@code lower_flat}) or into linear
 * memory ({@code store}). Strings and lists are allocated through the options' realloc, whose result is
 * checked (a misaligned or out-of-bounds block traps). A value that does not fit its type is a host
 * error and throws {@link IllegalArgumentException}; check host values first with
 * {@code WitValues.check} for a message with a path.
 *
 * <p>NaNs are lowered as the canonical NaN: the spec lets hosts pick any NaN, and a fixed one is what its
 * deterministic profile requires.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#storing">
 *     CanonicalABI.md: storing</a>,
 *     <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#flat-lowering">
 *     flat lowering</a>
 */
public final class Lowerer {
    private Lowerer() {
    }

    /** Lowers {@code v} of type {@code t} into flat values at {@code out}, advancing it. */
    public static void lowerFlat(AbiContext cx, AbiType t, WitValue v, FlatCursor out) {
        switch (t.kind()) {
            case BOOL -> out.putI32(as(WitValue.Bool.class, t, v).value() ? 1 : 0);
            case S8 -> out.putI32(as(WitValue.S8.class, t, v).value());
            case U8 -> out.putI32(Byte.toUnsignedInt(as(WitValue.U8.class, t, v).value()));
            case S16 -> out.putI32(as(WitValue.S16.class, t, v).value());
            case U16 -> out.putI32(Short.toUnsignedInt(as(WitValue.U16.class, t, v).value()));
            case S32 -> out.putI32(as(WitValue.S32.class, t, v).value());
            case U32 -> out.putI32(as(WitValue.U32.class, t, v).value());
            case S64 -> out.putI64(as(WitValue.S64.class, t, v).value());
            case U64 -> out.putI64(as(WitValue.U64.class, t, v).value());
            case F32 -> out.putF32(Lifter.canonicalize(as(WitValue.F32.class, t, v).value()));
            case F64 -> out.putF64(Lifter.canonicalize(as(WitValue.F64.class, t, v).value()));
            case CHAR -> out.putI32(as(WitValue.Char.class, t, v).codePoint());
            case STRING -> putPair(out, Strings.lower(cx.options(), as(WitValue.Str.class, t, v).value()));
            case LIST -> putPair(out, list(cx, (ListAbi) t, v));
            case RECORD, TUPLE -> {
                RecordAbi r = (RecordAbi) t;
                List<WitValue> fields = fields(r, v);
                for (int i = 0; i < fields.size(); i++) {
                    lowerFlat(cx, r.field(i), fields.get(i), out);
                }
            }
            case VARIANT, ENUM, OPTION, RESULT -> {
                VariantAbi va = (VariantAbi) t;
                int start = out.position();
                int index = caseIndex(va, v);
                out.putI32(index);
                AbiType payload = payload(va, index, v).orElse(null);
                if (payload != null) {
                    lowerFlat(cx, payload, Despecializer.payload(v).get(), out);
                }
                // Zero the joined slots this case does not use; zero-extending writes did the coercions.
                while (out.position() < start + va.flatCount()) {
                    out.putI64(0);
                }
            }
            case FLAGS -> {
                FlagsAbi f = (FlagsAbi) t;
                long[] words = flagWords(f, v);
                for (int w = 0; w < f.words(); w++) {
                    out.putI32(word(words, w));
                }
            }
            case OWN -> out.putI32(own(cx, (HandleAbi) t, v));
            case BORROW -> out.putI32(borrow(cx, (HandleAbi) t, v));
        }
    }

    /** Stores {@code v} of type {@code t} into memory at {@code ptr}, which the caller has checked. */
    public static void store(AbiContext cx, AbiType t, WitValue v, int ptr) {
        GuestMemory m = cx.memory();
        switch (t.kind()) {
            case BOOL -> m.write8(ptr, (byte) (as(WitValue.Bool.class, t, v).value() ? 1 : 0));
            case S8 -> m.write8(ptr, as(WitValue.S8.class, t, v).value());
            case U8 -> m.write8(ptr, as(WitValue.U8.class, t, v).value());
            case S16 -> m.write16(ptr, as(WitValue.S16.class, t, v).value());
            case U16 -> m.write16(ptr, as(WitValue.U16.class, t, v).value());
            case S32 -> m.write32(ptr, as(WitValue.S32.class, t, v).value());
            case U32 -> m.write32(ptr, as(WitValue.U32.class, t, v).value());
            case S64 -> m.write64(ptr, as(WitValue.S64.class, t, v).value());
            case U64 -> m.write64(ptr, as(WitValue.U64.class, t, v).value());
            case F32 -> m.writeF32(ptr, Lifter.canonicalize(as(WitValue.F32.class, t, v).value()));
            case F64 -> m.writeF64(ptr, Lifter.canonicalize(as(WitValue.F64.class, t, v).value()));
            case CHAR -> m.write32(ptr, as(WitValue.Char.class, t, v).codePoint());
            case STRING -> storePair(m, ptr, Strings.lower(cx.options(), as(WitValue.Str.class, t, v).value()));
            case LIST -> storePair(m, ptr, list(cx, (ListAbi) t, v));
            case RECORD, TUPLE -> {
                RecordAbi r = (RecordAbi) t;
                List<WitValue> fields = fields(r, v);
                for (int i = 0; i < fields.size(); i++) {
                    store(cx, r.field(i), fields.get(i), ptr + r.offset(i));
                }
            }
            case VARIANT, ENUM, OPTION, RESULT -> {
                VariantAbi va = (VariantAbi) t;
                int index = caseIndex(va, v);
                switch (va.discriminantSize()) {
                    case 1 -> m.write8(ptr, (byte) index);
                    case 2 -> m.write16(ptr, (short) index);
                    default -> m.write32(ptr, index);
                }
                Optional<AbiType> payload = payload(va, index, v);
                if (payload.isPresent()) {
                    store(cx, payload.get(), Despecializer.payload(v).get(), ptr + va.payloadOffset());
                }
            }
            case FLAGS -> {
                FlagsAbi f = (FlagsAbi) t;
                long[] words = flagWords(f, v);
                if (f.size() == 1) {
                    m.write8(ptr, (byte) word(words, 0));
                } else if (f.size() == 2) {
                    m.write16(ptr, (short) word(words, 0));
                } else {
                    for (int w = 0; w < f.words(); w++) {
                        m.write32(ptr + 4 * w, word(words, w));
                    }
                }
            }
            case OWN -> m.write32(ptr, own(cx, (HandleAbi) t, v));
            case BORROW -> m.write32(ptr, borrow(cx, (HandleAbi) t, v));
        }
    }

    /**
     * The spec's {@code store_list_into_range}: allocates {@code n * elem_size} bytes at the element
     * alignment and stores the elements; {@link WitValue.Bytes} is written in one bulk copy. Returns the
     * packed (pointer, length).
     */
    static long list(AbiContext cx, ListAbi t, WitValue v) {
        if (t.isBytes() && v instanceof WitValue.Bytes bytesValue) {
            byte[] bytes = bytesValue.bytes();
            int ptr = cx.options().allocate(1, bytes.length);
            cx.memory().writeBytes(ptr, bytes);
            return Strings.pack(ptr, bytes.length);
        }
        List<WitValue> elements = as(WitValue.ListValue.class, t, v).elements();
        AbiType e = t.element();
        int ptr = cx.options().allocate(e.align(), (long) elements.size() * e.size());
        for (int i = 0; i < elements.size(); i++) {
            store(cx, e, elements.get(i), ptr + i * e.size());
        }
        return Strings.pack(ptr, elements.size());
    }

    private static List<WitValue> fields(RecordAbi r, WitValue v) {
        List<WitValue> fields = Despecializer.fields(r, v);
        if (fields.size() != r.fieldCount()) {
            throw new IllegalArgumentException("expected " + r.fieldCount() + " fields for " + r + ", found "
                    + fields.size());
        }
        return fields;
    }

    private static int caseIndex(VariantAbi t, WitValue v) {
        int index = Despecializer.caseIndex(t, v);
        if (index >= t.caseCount()) {
            throw new IllegalArgumentException("case index " + index + " out of range for " + t);
        }
        return index;
    }

    /** The payload type of case {@code index}, checking that {@code v} has a payload exactly when it does. */
    private static Optional<AbiType> payload(VariantAbi t, int index, WitValue v) {
        Optional<AbiType> type = t.payload(index);
        if (type.isPresent() != Despecializer.payload(v).isPresent()) {
            throw new IllegalArgumentException("case " + index + " of " + t
                    + (type.isPresent() ? " needs a payload" : " takes no payload"));
        }
        return type;
    }

    private static long[] flagWords(FlagsAbi f, WitValue v) {
        BitSet bits = as(WitValue.Flags.class, f, v).bits();
        if (bits.length() > f.labelCount()) {
            throw new IllegalArgumentException("flag " + (bits.length() - 1) + " out of range for " + f);
        }
        return bits.toLongArray();
    }

    private static int word(long[] words, int w) {
        return w / 2 < words.length ? (int) (words[w / 2] >>> (32 * (w % 2))) : 0;
    }

    /** The spec's {@code lower_own}: ownership moves from the host handle into the guest's table. */
    private static int own(AbiContext cx, HandleAbi t, WitValue v) {
        ResourceHandle h = resource(t, as(WitValue.Own.class, t, v).handle());
        return cx.tables().table(t.resource()).lowerOwn(h.release());
    }

    /**
     * The spec's {@code lower_borrow}: the guest gets a borrow handle that it must drop before the call
     * returns, except in the instance that defines the type, which gets the representation itself.
     */
    private static int borrow(AbiContext cx, HandleAbi t, WitValue v) {
        ResourceHandle h = resource(t, as(WitValue.Borrow.class, t, v).handle());
        Object rep = h.rep();
        if (cx.tables().defines(t.resource())) {
            return (Integer) rep;
        }
        return cx.tables().table(t.resource()).lowerBorrow(rep, cx.scope());
    }

    private static ResourceHandle resource(HandleAbi t, ResourceHandle h) {
        if (h.type() != t.resource()) {
            throw new IllegalArgumentException("expected " + t + " of " + t.resource() + ", found handle of "
                    + h.type());
        }
        return h;
    }

    private static void putPair(FlatCursor out, long packed) {
        out.putI32(Strings.ptr(packed));
        out.putI32(Strings.length(packed));
    }

    private static void storePair(GuestMemory m, int ptr, long packed) {
        m.write32(ptr, Strings.ptr(packed));
        m.write32(ptr + 4, Strings.length(packed));
    }

    private static <T extends WitValue> T as(Class<T> cls, AbiType t, WitValue v) {
        if (!cls.isInstance(v)) {
            throw Despecializer.mismatch(t, v);
        }
        return cls.cast(v);
    }
}
