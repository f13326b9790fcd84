package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.WitType;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.component.WitValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The spec's {@code despecialize}, for types and for values. A tuple becomes a record with fields
 * {@code "0"}, {@code "1"}, ...; an enum a variant without payloads; {@code option<T>} the variant
 * {@code none | some(T)}; {@code result<T, E>} the variant {@code ok(T?) | error(E?)}. {@code string} and
 * {@code flags} keep their own representations. {@link AbiCompiler} despecializes types first; the value
 * helpers translate between the specialized {@link WitValue} cases and (fields) or (case, payload).
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#despecialization">
 *     CanonicalABI.md: despecialization</a>
 */
public final class Despecializer {
    private Despecializer() {
    }

    /** Replaces a specialized type by its expansion; other types are returned unchanged. */
    public static WitType despecialize(WitType t) {
        if (t instanceof WitType.TupleType tupleType) {
            List<WitType> types = tupleType.types();
            List<WitType.Field> fields = new ArrayList<>(types.size());
            for (int i = 0; i < types.size(); i++) {
                fields.add(new WitType.Field(Integer.toString(i), types.get(i)));
            }
            return new WitType.RecordType(fields);
        }
        if (t instanceof WitType.EnumType enumType) {
            List<WitType.Case> cases = new ArrayList<>();
            for (String label : enumType.cases()) {
                cases.add(WitType.Case.of(label));
            }
            return new WitType.VariantType(cases);
        }
        if (t instanceof WitType.OptionType optionType) {
            return WitType.variant(WitType.Case.of("none"), WitType.Case.of("some", optionType.type()));
        }
        if (t instanceof WitType.ResultType r) {
            return WitType.variant(new WitType.Case("ok", r.ok()), new WitType.Case("error", r.error()));
        }
        return t;
    }

    /** The field values of a record or tuple value, in order. */
    static List<WitValue> fields(AbiType t, WitValue v) {
        if (t.kind() == AbiKind.RECORD && v instanceof WitValue.Record recordValue) {
            return recordValue.fields();
        }
        if (t.kind() == AbiKind.TUPLE && v instanceof WitValue.Tuple tupleValue) {
            return tupleValue.elements();
        }
        throw mismatch(t, v);
    }

    /** Builds the record or tuple value for {@code kind} from its fields. */
    static WitValue record(AbiKind kind, List<WitValue> fields) {
        return kind == AbiKind.TUPLE ? new WitValue.Tuple(fields) : new WitValue.Record(fields);
    }

    /** The case index of a variant, enum, option or result value. */
    static int caseIndex(AbiType t, WitValue v) {
        switch (t.kind()) {
            case VARIANT:
                if (v instanceof WitValue.Variant variantValue) {
                    return variantValue.caseIndex();
                }
                break;
            case ENUM:
                if (v instanceof WitValue.EnumValue enumValue) {
                    return enumValue.index();
                }
                break;
            case OPTION:
                if (v instanceof WitValue.OptionValue optionValue) {
                    return optionValue.value().isPresent() ? 1 : 0;
                }
                break;
            case RESULT:
                if (v instanceof WitValue.ResultValue resultValue) {
                    return resultValue.ok() ? 0 : 1;
                }
                break;
            default:
                break;
        }
        throw mismatch(t, v);
    }

    /** The payload of a value already accepted by {@link #caseIndex}. */
    static Optional<WitValue> payload(WitValue v) {
        if (v instanceof WitValue.Variant variantCase) {
            return variantCase.payload();
        }
        if (v instanceof WitValue.OptionValue optionValue2) {
            return optionValue2.value();
        }
        if (v instanceof WitValue.ResultValue resultValue2) {
            return resultValue2.payload();
        }
        return Optional.empty();
    }

    /** Builds the specialized value for {@code kind} from a case index and payload. */
    static WitValue variant(AbiKind kind, int caseIndex, Optional<WitValue> payload) {
        return switch (kind) {
            case ENUM -> new WitValue.EnumValue(caseIndex);
            case OPTION -> new WitValue.OptionValue(payload);
            case RESULT -> new WitValue.ResultValue(caseIndex == 0, payload);
            default -> new WitValue.Variant(caseIndex, payload);
        };
    }

    /** The error for a host value that does not fit its type; checked with a path by {@link WitValues#check}. */
    static IllegalArgumentException mismatch(AbiType t, WitValue v) {
        return new IllegalArgumentException("expected " + t.wit().wit() + ", found " + WitValues.describe(v));
    }
}
