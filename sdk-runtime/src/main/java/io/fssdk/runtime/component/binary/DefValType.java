package io.fssdk.runtime.component.binary;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A defined value type, Binary.md's {@code defvaltype} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>, restricted to the synchronous MVP. Element types are {@link ValType}s: primitives or
 * indices of earlier types, resolved by validation, not here. Labels are kebab-case {@code label}s; their
 * uniqueness is checked by validation.
 *
 * <p>The decoder enforces the production's side conditions: records, variants, tuples and enums are non-empty
 * and flags have 1 to {@value Limits#MAX_FLAGS} labels. Stream, future, fixed-length list and map types are
 * rejected as unsupported.
 */
public sealed interface DefValType extends DefType
        permits PrimValType, DefValType.RecordType, DefValType.VariantType, DefValType.ListType,
                DefValType.TupleType, DefValType.FlagsType, DefValType.EnumType, DefValType.OptionType,
                DefValType.ResultType, DefValType.OwnType, DefValType.BorrowType {

    /**
     * {@code 0x72 lt*}: {@code (record (field l t)+)}.
     *
     * @param fields the fields, in order, at least one
     */
    record RecordType(List<LabeledValType> fields) implements DefValType {
        /** Copies the fields. */
        public RecordType {
            fields = List.copyOf(fields);
        }
    }

    /**
     * {@code 0x71 case*}: {@code (variant (case l t?)+)}.
     *
     * @param cases the cases, in discriminant order, at least one
     */
    record VariantType(List<Case> cases) implements DefValType {
        /** Copies the cases. */
        public VariantType {
            cases = List.copyOf(cases);
        }
    }

    /**
     * A variant {@code case ::= l t? 0x00}.
     *
     * @param label the case name
     * @param type the payload type, if any
     */
    record Case(String label, Optional<ValType> type) {
        /** Checks the parts are present. */
        public Case {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * {@code 0x70 t}: {@code (list t)}.
     *
     * @param element the element type
     */
    record ListType(ValType element) implements DefValType {
        /** Checks the element type is present. */
        public ListType {
            Objects.requireNonNull(element, "element");
        }
    }

    /**
     * {@code 0x6f t*}: {@code (tuple t+)}.
     *
     * @param types the element types, at least one
     */
    record TupleType(List<ValType> types) implements DefValType {
        /** Copies the types. */
        public TupleType {
            types = List.copyOf(types);
        }
    }

    /**
     * {@code 0x6e l*}: {@code (flags l+)}, bit {@code i} for label {@code i}.
     *
     * @param labels 1 to 32 labels
     */
    record FlagsType(List<String> labels) implements DefValType {
        /** Copies the labels. */
        public FlagsType {
            labels = List.copyOf(labels);
        }
    }

    /**
     * {@code 0x6d l*}: {@code (enum l+)}.
     *
     * @param labels the cases, in discriminant order, at least one
     */
    record EnumType(List<String> labels) implements DefValType {
        /** Copies the labels. */
        public EnumType {
            labels = List.copyOf(labels);
        }
    }

    /**
     * {@code 0x6b t}: {@code (option t)}.
     *
     * @param type the payload type
     */
    record OptionType(ValType type) implements DefValType {
        /** Checks the type is present. */
        public OptionType {
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * {@code 0x6a t? u?}: {@code (result t? (error u)?)}.
     *
     * @param ok the success payload type, if any
     * @param error the error payload type, if any
     */
    record ResultType(Optional<ValType> ok, Optional<ValType> error) implements DefValType {
        /** Checks the parts are present. */
        public ResultType {
            Objects.requireNonNull(ok, "ok");
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * {@code 0x69 i}: {@code (own i)}, an owned handle.
     *
     * @param resourceTypeIndex a resource type, in the type index space
     */
    record OwnType(int resourceTypeIndex) implements DefValType {
    }

    /**
     * {@code 0x68 i}: {@code (borrow i)}, a borrowed handle.
     *
     * @param resourceTypeIndex a resource type, in the type index space
     */
    record BorrowType(int resourceTypeIndex) implements DefValType {
    }
}
