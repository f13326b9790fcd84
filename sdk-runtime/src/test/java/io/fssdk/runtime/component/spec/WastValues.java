package io.fssdk.runtime.component.spec;

import io.fssdk.runtime.component.PrimitiveType;
import io.fssdk.runtime.component.WitType;
import io.fssdk.runtime.component.WitValue;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Component-level value constants of the wast scripts, such as {@code (u32.const 1)}, {@code (str.const "x")},
 * {@code (record.const (field "a" u32.const 1))} or {@code (variant.const "c" (u8.const 7))}, turned into
 * {@link WitValue}s. Names of fields, cases and flags become positions, so each constant is read against the
 * {@link WitType} it must have, taken from the invoked function's signature.
 */
final class WastValues {
    private WastValues() {
    }

    /** The value of constant {@code e} of type {@code type}. */
    static WitValue parse(SExpr e, WitType type) {
        if (!(e instanceof SExpr.Seq) || ((SExpr.Seq) e).head().isEmpty()) {
            throw new IllegalArgumentException("not a value constant: " + e);
        }
        SExpr.Seq s = (SExpr.Seq) e;
        return parse(s.head(), s.items().subList(1, s.size()), type);
    }

    private static WitValue parse(String head, List<SExpr> args, WitType type) {
        if (type instanceof PrimitiveType) {
            return primitive(head, args, (PrimitiveType) type);
        }
        if (type instanceof WitType.ListType && head.equals("list.const")) {
            WitType element = ((WitType.ListType) type).element();
            if (element == PrimitiveType.U8) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                args.forEach(a -> bytes.write(((WitValue.U8) parse(a, element)).value()));
                return WitValue.bytes(bytes.toByteArray());
            }
            return new WitValue.ListValue(all(args, element));
        }
        if (type instanceof WitType.TupleType && head.equals("tuple.const")) {
            List<WitType> types = ((WitType.TupleType) type).types();
            requireCount(head, args, types.size());
            List<WitValue> out = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                out.add(parse(args.get(i), types.get(i)));
            }
            return new WitValue.Tuple(out);
        }
        if (type instanceof WitType.RecordType && head.equals("record.const")) {
            return record(args, (WitType.RecordType) type);
        }
        if (type instanceof WitType.VariantType && head.equals("variant.const")) {
            List<WitType.Case> cases = ((WitType.VariantType) type).cases();
            int i = index(head, text(args, 0), cases.stream().map(WitType.Case::name).toList());
            Optional<WitType> payload = cases.get(i).type();
            requireCount(head, args, payload.isPresent() ? 2 : 1);
            return new WitValue.Variant(i, payload.map(t -> parse(args.get(1), t)));
        }
        if (type instanceof WitType.EnumType && head.equals("enum.const")) {
            requireCount(head, args, 1);
            return WitValue.enumCase(index(head, text(args, 0), ((WitType.EnumType) type).cases()));
        }
        if (type instanceof WitType.FlagsType && head.equals("flags.const")) {
            BitSet bits = new BitSet();
            for (int i = 0; i < args.size(); i++) {
                bits.set(index(head, text(args, i), ((WitType.FlagsType) type).flags()));
            }
            return new WitValue.Flags(bits);
        }
        if (type instanceof WitType.OptionType && head.startsWith("option.")) {
            WitType inner = ((WitType.OptionType) type).type();
            if (head.equals("option.none")) {
                requireCount(head, args, 0);
                return WitValue.none();
            }
            requireCount(head, args, 1);
            return head.equals("option.some") ? WitValue.some(parse(args.get(0), inner)) : mismatch(head, type);
        }
        if (type instanceof WitType.ResultType && (head.equals("result.ok") || head.equals("result.err"))) {
            WitType.ResultType r = (WitType.ResultType) type;
            boolean ok = head.equals("result.ok");
            Optional<WitType> payload = ok ? r.ok() : r.error();
            requireCount(head, args, payload.isPresent() ? 1 : 0);
            return new WitValue.ResultValue(ok, payload.map(t -> parse(args.get(0), t)));
        }
        return mismatch(head, type);
    }

    private static WitValue record(List<SExpr> args, WitType.RecordType type) {
        List<WitType.Field> fields = type.fields();
        requireCount("record.const", args, fields.size());
        List<WitValue> out = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            SExpr.Seq f = (SExpr.Seq) args.get(i);
            String name = text(f.items(), 1);
            if (!f.head().equals("field") || !name.equals(fields.get(i).name())) {
                throw new IllegalArgumentException("expected field `" + fields.get(i).name() + "`, got " + f);
            }
            WitType ft = fields.get(i).type();
            // Both `(field "a" u32.const 1)` and `(field "a" (u32.const 1))`.
            out.add(f.size() == 3 && f.get(2) instanceof SExpr.Seq ? parse(f.get(2), ft)
                    : parse(SExpr.atomText(f.get(2)).orElse(""), f.items().subList(3, f.size()), ft));
        }
        return new WitValue.Record(out);
    }

    private static WitValue primitive(String head, List<SExpr> args, PrimitiveType type) {
        if (!head.equals(type.wit() + ".const") && !(type == PrimitiveType.STRING && head.equals("str.const"))) {
            return mismatch(head, type);
        }
        requireCount(head, args, 1);
        SExpr a = args.get(0);
        switch (type) {
            case STRING: return WitValue.string(((SExpr.Str) a).text());
            case CHAR: {
                String s = ((SExpr.Str) a).text();
                if (s.codePointCount(0, s.length()) != 1) {
                    throw new IllegalArgumentException("char.const needs one character: " + a);
                }
                return WitValue.character(s.codePointAt(0));
            }
            case BOOL: return WitValue.bool(Boolean.parseBoolean(word(a, "true", "false")));
            case F32: return WitValue.f32((float) WastNumbers.parseFloat(atom(a), true));
            case F64: return WitValue.f64(WastNumbers.parseFloat(atom(a), false));
            default: return integer(type, WastNumbers.parseInteger(atom(a)));
        }
    }

    private static WitValue integer(PrimitiveType type, BigInteger v) {
        switch (type) {
            case S8: return WitValue.s8(WastNumbers.signed(v, 8).intValue());
            case U8: return WitValue.u8(WastNumbers.unsigned(v, 8).intValue());
            case S16: return WitValue.s16(WastNumbers.signed(v, 16).intValue());
            case U16: return WitValue.u16(WastNumbers.unsigned(v, 16).intValue());
            case S32: return WitValue.s32(WastNumbers.signed(v, 32).intValue());
            case U32: return WitValue.u32(WastNumbers.unsigned(v, 32).intValue());
            case S64: return WitValue.s64(WastNumbers.signed(v, 64).longValue());
            default: return WitValue.u64(WastNumbers.unsigned(v, 64).longValue());
        }
    }

    private static List<WitValue> all(List<SExpr> args, WitType type) {
        List<WitValue> out = new ArrayList<>();
        args.forEach(a -> out.add(parse(a, type)));
        return out;
    }

    private static int index(String head, String name, List<String> names) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(head + ": no case or label `" + name + "` in " + names);
        }
        return i;
    }

    private static String text(List<SExpr> args, int i) {
        if (i >= args.size() || !(args.get(i) instanceof SExpr.Str)) {
            throw new IllegalArgumentException("expected a string at position " + i + " of " + args);
        }
        return ((SExpr.Str) args.get(i)).text();
    }

    private static String atom(SExpr a) {
        return SExpr.atomText(a).orElseThrow(() -> new IllegalArgumentException("expected a number, got " + a));
    }

    private static String word(SExpr a, String... allowed) {
        String t = atom(a);
        if (!List.of(allowed).contains(t)) {
            throw new IllegalArgumentException("expected one of " + List.of(allowed) + ", got " + t);
        }
        return t;
    }

    private static void requireCount(String head, List<SExpr> args, int n) {
        if (args.size() != n) {
            throw new IllegalArgumentException(head + " takes " + n + " operand(s) here, got " + args.size());
        }
    }

    private static WitValue mismatch(String head, WitType type) {
        throw new IllegalArgumentException("constant " + head + " does not fit type " + type.wit());
    }
}
