package io.fssdk.runtime.component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Checks {@link WitValue}s against {@link WitType}s. The engine checks values a host supplies before it
 * lowers them, so a mismatch is reported once, with a path, instead of halfway through writing guest
 * memory.
 */
public final class WitValues {
    private WitValues() {
    }

    /**
     * Checks that {@code value} is a value of {@code type}.
     *
     * @throws IllegalArgumentException naming the path and the mismatch, e.g.
     *     "field `a`: expected u32, found string"
     */
    public static void check(WitValue value, WitType type) {
        new Checker().check(value, type);
    }

    /** A short name for the case of a value, as used in messages: {@code u32}, {@code list}, {@code own}. */
    public static String describe(WitValue v) {
        if (v instanceof WitValue.Bool) return "bool";
        if (v instanceof WitValue.S8) return "s8";
        if (v instanceof WitValue.U8) return "u8";
        if (v instanceof WitValue.S16) return "s16";
        if (v instanceof WitValue.U16) return "u16";
        if (v instanceof WitValue.S32) return "s32";
        if (v instanceof WitValue.U32) return "u32";
        if (v instanceof WitValue.S64) return "s64";
        if (v instanceof WitValue.U64) return "u64";
        if (v instanceof WitValue.F32) return "f32";
        if (v instanceof WitValue.F64) return "f64";
        if (v instanceof WitValue.Char) return "char";
        if (v instanceof WitValue.Str) return "string";
        if (v instanceof WitValue.Bytes) return "list<u8>";
        if (v instanceof WitValue.ListValue) return "list";
        if (v instanceof WitValue.Record) return "record";
        if (v instanceof WitValue.Tuple) return "tuple";
        if (v instanceof WitValue.Variant) return "variant";
        if (v instanceof WitValue.EnumValue) return "enum";
        if (v instanceof WitValue.OptionValue) return "option";
        if (v instanceof WitValue.ResultValue) return "result";
        if (v instanceof WitValue.Flags) return "flags";
        if (v instanceof WitValue.Own) return "own<" + ((WitValue.Own) v).handle().type().name() + ">";
        return "borrow<" + ((WitValue.Borrow) v).handle().type().name() + ">";
    }

    /** The index of the first lone surrogate in {@code s}, or -1 when {@code s} is all scalar values. */
    static int loneSurrogateIndex(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Walks value and type together, keeping the path for messages. */
    private static final class Checker {
        private final Deque<String> path = new ArrayDeque<>();

        void check(WitValue v, WitType t) {
            if (t instanceof PrimitiveType primitiveType) {
                checkPrimitive(v, primitiveType);
            } else if (t instanceof WitType.ListType) {
                WitType element = ((WitType.ListType) t).element();
                if (v instanceof WitValue.Bytes && element == PrimitiveType.U8) {
                    return;
                }
                eachAt("element ", expect(WitValue.ListValue.class, v, t).elements(), i -> element);
            } else if (t instanceof WitType.RecordType) {
                List<WitType.Field> fields = ((WitType.RecordType) t).fields();
                List<WitValue> values = expect(WitValue.Record.class, v, t).fields();
                requireCount(values.size(), fields.size(), "fields", t);
                for (int i = 0; i < fields.size(); i++) {
                    at("field `" + fields.get(i).name() + "`", values.get(i), fields.get(i).type());
                }
            } else if (t instanceof WitType.TupleType) {
                List<WitType> types = ((WitType.TupleType) t).types();
                List<WitValue> values = expect(WitValue.Tuple.class, v, t).elements();
                requireCount(values.size(), types.size(), "elements", t);
                eachAt("element ", values, types::get);
            } else if (t instanceof WitType.VariantType) {
                List<WitType.Case> cases = ((WitType.VariantType) t).cases();
                WitValue.Variant variant = expect(WitValue.Variant.class, v, t);
                int index = requireCase(variant.caseIndex(), cases.size(), t);
                WitType.Case c = cases.get(index);
                payload("case `" + c.name() + "`", variant.payload(), c.type());
            } else if (t instanceof WitType.EnumType) {
                requireCase(expect(WitValue.EnumValue.class, v, t).index(), ((WitType.EnumType) t).cases().size(), t);
            } else if (t instanceof WitType.OptionType) {
                expect(WitValue.OptionValue.class, v, t).value()
                        .ifPresent(some -> at("case `some`", some, ((WitType.OptionType) t).type()));
            } else if (t instanceof WitType.ResultType) {
                WitType.ResultType rt = (WitType.ResultType) t;
                WitValue.ResultValue result = expect(WitValue.ResultValue.class, v, t);
                payload(result.ok() ? "case `ok`" : "case `error`", result.payload(),
                        result.ok() ? rt.ok() : rt.error());
            } else if (t instanceof WitType.FlagsType) {
                int count = ((WitType.FlagsType) t).flags().size();
                int length = expect(WitValue.Flags.class, v, t).bits().length();
                if (length > count) {
                    throw mismatch("flag indices below " + count, "flag " + (length - 1));
                }
            } else if (t instanceof WitType.OwnType) {
                ResourceHandle h = expect(WitValue.Own.class, v, t).handle();
                requireResource(h, ((WitType.OwnType) t).resource(), t, v);
                if (!h.isOwned()) {
                    throw mismatch(t.wit(), "a borrowed handle");
                }
            } else {
                ResourceType expected = ((WitType.BorrowType) t).resource();
                requireResource(expect(WitValue.Borrow.class, v, t).handle(), expected, t, v);
            }
        }

        private void checkPrimitive(WitValue v, PrimitiveType t) {
            Class<? extends WitValue> expected = switch (t) {
                case BOOL -> WitValue.Bool.class;
                case S8 -> WitValue.S8.class;
                case U8 -> WitValue.U8.class;
                case S16 -> WitValue.S16.class;
                case U16 -> WitValue.U16.class;
                case S32 -> WitValue.S32.class;
                case U32 -> WitValue.U32.class;
                case S64 -> WitValue.S64.class;
                case U64 -> WitValue.U64.class;
                case F32 -> WitValue.F32.class;
                case F64 -> WitValue.F64.class;
                case CHAR -> WitValue.Char.class;
                case STRING -> WitValue.Str.class;
            };
            expect(expected, v, t);
        }

        private void payload(String segment, Optional<WitValue> value, Optional<WitType> type) {
            path.addLast(segment);
            if (type.isPresent() && value.isEmpty()) {
                throw mismatch("a payload of type " + type.get().wit(), "none");
            }
            if (type.isEmpty() && value.isPresent()) {
                throw mismatch("no payload", describe(value.get()));
            }
            value.ifPresent(x -> check(x, type.get()));
            path.removeLast();
        }

        private void eachAt(String prefix, List<WitValue> values, IntFunction<WitType> type) {
            for (int i = 0; i < values.size(); i++) {
                at(prefix + i, values.get(i), type.apply(i));
            }
        }

        private void at(String segment, WitValue v, WitType t) {
            path.addLast(segment);
            check(v, t);
            path.removeLast();
        }

        private <T extends WitValue> T expect(Class<T> cls, WitValue v, WitType t) {
            if (!cls.isInstance(v)) {
                throw mismatch(t.wit(), describe(v));
            }
            return cls.cast(v);
        }

        private void requireCount(int found, int expected, String what, WitType t) {
            if (found != expected) {
                throw mismatch(expected + " " + what + " for " + t.wit(), found);
            }
        }

        private int requireCase(int index, int count, WitType t) {
            if (index >= count) {
                throw mismatch("a case index below " + count + " for " + t.wit(), index);
            }
            return index;
        }

        private void requireResource(ResourceHandle h, ResourceType expected, WitType t, WitValue v) {
            if (h.type() != expected) {
                throw mismatch(t.wit() + " of " + expected, describe(v) + " of " + h.type());
            }
        }

        private IllegalArgumentException mismatch(String expected, Object found) {
            String where = path.isEmpty() ? "" : String.join(", ", path) + ": ";
            return new IllegalArgumentException(where + "expected " + expected + ", found " + found);
        }
    }
}
