package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.PrimitiveType;
import io.fssdk.runtime.component.WitType;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a {@link WitType} into an {@link AbiType} tree, computing each node's size, alignment and flat
 * types once, after despecializing tuple, enum, option and result.
 *
 * <p>Divergence: the current spec limits {@code flags} to 32 labels (commit 649f7fd, 2024). Larger flags
 * are laid out as the spec did before: one {@code i32} per 32 labels, aligned to 4.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#alignment">
 *     CanonicalABI.md: alignment</a>,
 *     <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#element-size">
 *     element size</a>,
 *     <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#flattening">
 *     flattening</a>
 */
final class AbiCompiler {
    private static final List<CoreType> I32 = List.of(CoreType.I32);

    private AbiCompiler() {
    }

    static AbiType compile(WitType t) {
        if (t instanceof PrimitiveType primitiveType) {
            return primitive(primitiveType);
        }
        if (t instanceof WitType.ListType listType) {
            return new ListAbi(t, compile(listType.element()));
        }
        if (t instanceof WitType.FlagsType flagsType) {
            return flags(t, flagsType.flags().size());
        }
        if (t instanceof WitType.OwnType ownType) {
            return new HandleAbi(AbiKind.OWN, t, ownType.resource());
        }
        if (t instanceof WitType.BorrowType borrowType) {
            return new HandleAbi(AbiKind.BORROW, t, borrowType.resource());
        }
        AbiKind kind = specializedKind(t);
        WitType d = Despecializer.despecialize(t);
        if (d instanceof WitType.RecordType recordType) {
            return record(kind, t, recordType);
        }
        return variant(kind, t, (WitType.VariantType) d);
    }

    private static AbiKind specializedKind(WitType t) {
        if (t instanceof WitType.RecordType) {
            return AbiKind.RECORD;
        }
        if (t instanceof WitType.TupleType) {
            return AbiKind.TUPLE;
        }
        if (t instanceof WitType.VariantType) {
            return AbiKind.VARIANT;
        }
        if (t instanceof WitType.EnumType) {
            return AbiKind.ENUM;
        }
        return t instanceof WitType.OptionType ? AbiKind.OPTION : AbiKind.RESULT;
    }

    private static ScalarAbi primitive(PrimitiveType p) {
        return switch (p) {
            case BOOL -> new ScalarAbi(AbiKind.BOOL, p, 1, 1, I32);
            case S8 -> new ScalarAbi(AbiKind.S8, p, 1, 1, I32);
            case U8 -> new ScalarAbi(AbiKind.U8, p, 1, 1, I32);
            case S16 -> new ScalarAbi(AbiKind.S16, p, 2, 2, I32);
            case U16 -> new ScalarAbi(AbiKind.U16, p, 2, 2, I32);
            case S32 -> new ScalarAbi(AbiKind.S32, p, 4, 4, I32);
            case U32 -> new ScalarAbi(AbiKind.U32, p, 4, 4, I32);
            case S64 -> new ScalarAbi(AbiKind.S64, p, 8, 8, List.of(CoreType.I64));
            case U64 -> new ScalarAbi(AbiKind.U64, p, 8, 8, List.of(CoreType.I64));
            case F32 -> new ScalarAbi(AbiKind.F32, p, 4, 4, List.of(CoreType.F32));
            case F64 -> new ScalarAbi(AbiKind.F64, p, 8, 8, List.of(CoreType.F64));
            case CHAR -> new ScalarAbi(AbiKind.CHAR, p, 4, 4, I32);
            case STRING -> new ScalarAbi(AbiKind.STRING, p, 8, 4, List.of(CoreType.I32, CoreType.I32));
        };
    }

    private static FlagsAbi flags(WitType t, int n) {
        int words = LayoutRules.flagsFlatCount(n);
        int unit = LayoutRules.flagsSize(n);
        // Over 32 labels (the divergence above) a flags value is whole 32-bit words.
        return new FlagsAbi(t, n, unit == 4 ? 4 * words : unit, unit, words);
    }

    private static RecordAbi record(AbiKind kind, WitType original, WitType.RecordType r) {
        int n = r.fields().size();
        AbiType[] fields = new AbiType[n];
        int[] offsets = new int[n];
        List<CoreType> flat = new ArrayList<>();
        int size = 0;
        int align = 1;
        for (int i = 0; i < n; i++) {
            AbiType f = compile(r.fields().get(i).type());
            size = LayoutRules.alignTo(size, f.align());
            offsets[i] = size;
            size += f.size();
            align = Math.max(align, f.align());
            fields[i] = f;
            flat.addAll(f.layout().flat());
        }
        return new RecordAbi(kind, original, fields, offsets, LayoutRules.alignTo(size, align), align, flat);
    }

    private static VariantAbi variant(AbiKind kind, WitType original, WitType.VariantType v) {
        int n = v.cases().size();
        AbiType[] payloads = new AbiType[n];
        int maxCaseAlign = 1;
        int maxCaseSize = 0;
        List<CoreType> joined = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (v.cases().get(i).type().isEmpty()) {
                continue;
            }
            AbiType p = compile(v.cases().get(i).type().get());
            payloads[i] = p;
            maxCaseAlign = Math.max(maxCaseAlign, p.align());
            maxCaseSize = Math.max(maxCaseSize, p.size());
            LayoutRules.joinInto(joined, p.layout().flat());
        }
        int disc = LayoutRules.discriminantSize(n);
        int payloadOffset = LayoutRules.alignTo(disc, maxCaseAlign);
        int align = Math.max(disc, maxCaseAlign);
        List<CoreType> flat = new ArrayList<>(joined.size() + 1);
        flat.add(CoreType.I32);
        flat.addAll(joined);
        return new VariantAbi(kind, original, payloads, disc, payloadOffset,
                LayoutRules.alignTo(payloadOffset + maxCaseSize, align), align, flat);
    }
}
