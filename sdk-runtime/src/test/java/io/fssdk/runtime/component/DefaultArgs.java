package io.fssdk.runtime.component;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Default arguments for calling an arbitrary export in {@link ComponentMutationTest}: zero, false, the
 * empty string and list, {@code none}, the first case, {@code ok} of the default. Functions taking a
 * resource handle are not callable this way, since a handle cannot be made up.
 */
final class DefaultArgs {
    private DefaultArgs() {
    }

    /** One export of {@code instance} whose parameters all have defaults, chosen by {@code seed}. */
    static Optional<String> callable(ComponentInstance instance, long seed) {
        List<String> names = new ArrayList<>();
        for (String n : instance.functionNames()) {
            ExportedFunction f = instance.function(n).orElseThrow();
            if (f.signature().paramTypes().stream().allMatch(DefaultArgs::hasDefault)) {
                names.add(n);
            }
        }
        return names.isEmpty() ? Optional.empty()
                : Optional.of(names.get(new SplittableRandom(seed).nextInt(names.size())));
    }

    /** The default arguments for {@code signature}. */
    static List<WitValue> of(FuncSignature signature) {
        List<WitValue> out = new ArrayList<>();
        for (WitType t : signature.paramTypes()) {
            out.add(of(t));
        }
        return out;
    }

    private static boolean hasDefault(WitType t) {
        if (t instanceof WitType.OwnType || t instanceof WitType.BorrowType) {
            return false;
        } else if (t instanceof WitType.RecordType r) {
            return r.fields().stream().allMatch(f -> hasDefault(f.type()));
        } else if (t instanceof WitType.TupleType tu) {
            return tu.types().stream().allMatch(DefaultArgs::hasDefault);
        } else if (t instanceof WitType.VariantType v) {
            return v.cases().get(0).type().map(DefaultArgs::hasDefault).orElse(true);
        } else if (t instanceof WitType.ResultType r) {
            return r.ok().map(DefaultArgs::hasDefault).orElse(true);
        }
        return true;
    }

    private static WitValue of(WitType t) {
        if (t instanceof PrimitiveType p) {
            return switch (p) {
                case BOOL -> WitValue.bool(false);
                case S8 -> WitValue.s8(0);
                case U8 -> WitValue.u8(0);
                case S16 -> WitValue.s16(0);
                case U16 -> WitValue.u16(0);
                case S32 -> WitValue.s32(0);
                case U32 -> WitValue.u32(0);
                case S64 -> WitValue.s64(0);
                case U64 -> WitValue.u64(0);
                case F32 -> WitValue.f32(0);
                case F64 -> WitValue.f64(0);
                case CHAR -> WitValue.character('a');
                case STRING -> WitValue.string("");
            };
        } else if (t instanceof WitType.ListType) {
            return WitValue.list();
        } else if (t instanceof WitType.RecordType r) {
            return new WitValue.Record(r.fields().stream().map(f -> of(f.type())).toList());
        } else if (t instanceof WitType.TupleType tu) {
            return new WitValue.Tuple(tu.types().stream().map(DefaultArgs::of).toList());
        } else if (t instanceof WitType.VariantType v) {
            return new WitValue.Variant(0, v.cases().get(0).type().map(DefaultArgs::of));
        } else if (t instanceof WitType.EnumType) {
            return WitValue.enumCase(0);
        } else if (t instanceof WitType.OptionType) {
            return WitValue.none();
        } else if (t instanceof WitType.ResultType r) {
            return new WitValue.ResultValue(true, r.ok().map(DefaultArgs::of));
        } else if (t instanceof WitType.FlagsType) {
            return new WitValue.Flags(new BitSet());
        }
        throw new IllegalArgumentException("no default for " + t.wit());
    }
}
