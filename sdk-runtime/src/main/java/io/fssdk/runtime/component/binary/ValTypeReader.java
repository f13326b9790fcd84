package io.fssdk.runtime.component.binary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes Binary.md's {@code valtype} and {@code defvaltype} (Type Definitions), rejecting the value
 * types outside the synchronous MVP by name.
 */
final class ValTypeReader {
    private static final String ASYNC = "component-model async";

    private ValTypeReader() {
    }

    /**
     * Reads a {@code valtype}: one primitive byte, or a type index encoded as a non-negative
     * {@code s33} (the negative {@code s33} space holds the type opcodes, which are not value types).
     */
    static ValType read(BinaryReader r) {
        int offset = r.offset();
        int b = r.peekU8("value type");
        PrimValType primitive = PrimValType.fromCode(b);
        if (primitive != null) {
            r.u8("value type");
            return primitive;
        }
        if (b == 0x64) {
            throw r.unsupported(offset, "`error-context` type", "component-model error-context");
        }
        long index = r.s33("value type");
        if (index < 0) {
            throw r.badByte(offset, b, "value type");
        }
        if (index > Integer.MAX_VALUE) {
            throw r.errorAt(offset, "type index " + index + " is out of range");
        }
        return new ValType.TypeRef((int) index);
    }

    /** Reads Binary.md's {@code <valtype>?}: {@code 0x00}, or {@code 0x01} and a value type. */
    static Optional<ValType> readOptional(BinaryReader r, String what) {
        int offset = r.offset();
        int b = r.u8(what);
        return switch (b) {
            case 0x00 -> Optional.empty();
            case 0x01 -> Optional.of(read(r));
            default -> throw r.badByte(offset, b, what);
        };
    }

    /** Reads a {@code labelvaltype}, e.g. a record field or a parameter. */
    static LabeledValType readLabeled(BinaryReader r, String what) {
        String label = NameReader.readLabel(r, what + " name");
        return new LabeledValType(label, read(r));
    }

    /**
     * Decodes the rest of a {@code defvaltype} whose leading byte {@code b}, read at {@code offset},
     * is not a function, component, instance or resource type opcode.
     */
    static DefValType readDefined(BinaryReader r, int offset, int b) {
        PrimValType primitive = PrimValType.fromCode(b);
        if (primitive != null) {
            return primitive;
        }
        return switch (b) {
            case 0x72 -> new DefValType.RecordType(fields(r, offset));
            case 0x71 -> new DefValType.VariantType(cases(r, offset));
            case 0x70 -> new DefValType.ListType(read(r));
            case 0x6f -> new DefValType.TupleType(tuple(r, offset));
            case 0x6e -> new DefValType.FlagsType(labels(r, offset, Limits.MAX_FLAGS, "flags", "flag name"));
            case 0x6d -> new DefValType.EnumType(
                    labels(r, offset, Limits.MAX_ENUM_CASES, "enum cases", "enum case name"));
            case 0x6b -> new DefValType.OptionType(read(r));
            case 0x6a -> {
                Optional<ValType> ok = readOptional(r, "result ok type");
                yield new DefValType.ResultType(ok, readOptional(r, "result error type"));
            }
            case 0x69 -> new DefValType.OwnType(r.index("resource type index"));
            case 0x68 -> new DefValType.BorrowType(r.index("resource type index"));
            case 0x67 -> throw r.unsupported(offset, "`list<T, N>` fixed-length list type",
                    "component-model fixed-length lists");
            case 0x66 -> throw r.unsupported(offset, "`stream` type", ASYNC);
            case 0x65 -> throw r.unsupported(offset, "`future` type", ASYNC);
            case 0x64 -> throw r.unsupported(offset, "`error-context` type", "component-model error-context");
            case 0x63 -> throw r.unsupported(offset, "`map` type", "component-model maps");
            default -> throw r.badByte(offset, b, "type definition");
        };
    }

    private static List<LabeledValType> fields(BinaryReader r, int offset) {
        int count = nonEmpty(r, offset, Limits.MAX_RECORD_FIELDS, "record fields", "record");
        List<LabeledValType> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            fields.add(readLabeled(r, "record field"));
        }
        return fields;
    }

    private static List<DefValType.Case> cases(BinaryReader r, int offset) {
        int count = nonEmpty(r, offset, Limits.MAX_VARIANT_CASES, "variant cases", "variant");
        List<DefValType.Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String label = NameReader.readLabel(r, "variant case name");
            Optional<ValType> type = readOptional(r, "variant case type");
            int at = r.offset();
            int end = r.u8("variant case");
            if (end != 0x00) {
                // Older binaries could put a `refines` index here; the MVP requires 0x00.
                throw r.badByte(at, end, "end of variant case (must be 0x00)");
            }
            cases.add(new DefValType.Case(label, type));
        }
        return cases;
    }

    private static List<ValType> tuple(BinaryReader r, int offset) {
        int count = nonEmpty(r, offset, Limits.MAX_TUPLE_TYPES, "tuple types", "tuple");
        List<ValType> types = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            types.add(read(r));
        }
        return types;
    }

    private static List<String> labels(BinaryReader r, int offset, int cap, String what, String label) {
        int count = nonEmpty(r, offset, cap, what, what.equals("flags") ? "flags" : "enum");
        List<String> labels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            labels.add(NameReader.readLabel(r, label));
        }
        return labels;
    }

    /** Reads a count that Binary.md's side condition requires to be positive, e.g. {@code (if |lt*| > 0)}. */
    private static int nonEmpty(BinaryReader r, int offset, int cap, String what, String kind) {
        int count = r.count(cap, what);
        if (count == 0) {
            throw r.errorAt(offset, "empty " + kind + " type");
        }
        return count;
    }
}
