package io.fssdk.runtime.component;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The type of a component-model value: one case per WIT type. Types are immutable values compared
 * structurally, except that {@link ResourceType}s inside {@link OwnType} and {@link BorrowType} compare by
 * identity. {@link #wit()} (and {@code toString()}) prints WIT syntax such as {@code list<u8>},
 * {@code result<_, string>} or {@code record { a: u32 }}.
 *
 * <p>Constructors reject what validation rejects: empty records, tuples, variants, enums and flags, and
 * duplicate labels.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Explainer.md#type-definitions">
 *     Explainer: type definitions</a>
 */
public sealed interface WitType permits PrimitiveType, WitType.ListType, WitType.RecordType, WitType.TupleType,
        WitType.VariantType, WitType.EnumType, WitType.OptionType, WitType.ResultType, WitType.FlagsType,
        WitType.OwnType, WitType.BorrowType {

    /** Prints this type in WIT syntax, e.g. {@code option<list<u8>>}. */
    String wit();

    /** {@code list<element>}. */
    static ListType list(WitType element) {
        return new ListType(element);
    }

    /** {@code option<type>}. */
    static OptionType option(WitType type) {
        return new OptionType(type);
    }

    /** {@code result<ok, error>} with both payloads present. */
    static ResultType result(WitType ok, WitType error) {
        return new ResultType(Optional.of(ok), Optional.of(error));
    }

    /** {@code tuple<types...>}. */
    static TupleType tuple(WitType... types) {
        return new TupleType(List.of(types));
    }

    /** {@code record { fields... }}. */
    static RecordType record(Field... fields) {
        return new RecordType(List.of(fields));
    }

    /** A record field {@code name: type}. */
    static Field field(String name, WitType type) {
        return new Field(name, type);
    }

    /** {@code variant { cases... }}. */
    static VariantType variant(Case... cases) {
        return new VariantType(List.of(cases));
    }

    /** {@code enum { cases... }}. */
    static EnumType enumOf(String... cases) {
        return new EnumType(List.of(cases));
    }

    /** {@code flags { flags... }}. */
    static FlagsType flags(String... flags) {
        return new FlagsType(List.of(flags));
    }

    /**
     * A named record field.
     *
     * @param name the field's label in kebab-case
     * @param type the field's type
     */
    record Field(String name, WitType type) {
        /** Checks that neither part is null and the name is not empty. */
        public Field {
            requireLabel(name);
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * A variant case, with or without a payload.
     *
     * @param name the case's label
     * @param type the payload type, if the case carries one
     */
    record Case(String name, Optional<WitType> type) {
        /** Checks that neither part is null and the name is not empty. */
        public Case {
            requireLabel(name);
            Objects.requireNonNull(type, "type");
        }

        /** A case without a payload. */
        public static Case of(String name) {
            return new Case(name, Optional.empty());
        }

        /** A case with a payload. */
        public static Case of(String name, WitType type) {
            return new Case(name, Optional.of(type));
        }
    }

    /**
     * {@code list<element>}: a variable-length sequence.
     *
     * @param element the element type
     */
    record ListType(WitType element) implements WitType {
        /** Checks the element type is not null. */
        public ListType {
            Objects.requireNonNull(element, "element");
        }

        @Override
        public String wit() {
            return "list<" + element.wit() + ">";
        }

        @Override
        public String toString() {
            return wit();
        }
    }

    /**
     * {@code record { a: T, ... }}: named fields, in order.
     *
     * @param fields the fields, at least one, with distinct names
     */
    record RecordType(List<Field> fields) implements WitType {
        /** Copies the list and checks it is non-empty with distinct names. */
        public RecordType {
            fields = List.copyOf(fields);
            requireDistinct("record", fields.stream().map(Field::name).collect(Collectors.toList()));
        }

        @Override
        public String wit() {
            return fields.stream().map(f -> f.name() + ": " + f.type().wit())
                    .collect(Collectors.joining(", ", "record { ", " }"));
        }

        @Override
        public String toString() {
            return wit();
        }
    }

    /**
     * {@code tuple<T, ...>}: unnamed fields, in order.
     *
     * @param types the element types, at least one
     */
    record TupleType(List<WitType> types) implements WitType {
        /** Copies the list and checks it is non-empty. */
        public TupleType {
            types = List.copyOf(types);
            if (types.isEmpty()) {
                throw new IllegalArgumentException("tuple must have at least one type");
            }
        }

        @Override
        public String wit() {
            return types.stream().map(WitType::wit).collect(Collectors.joining(", ", "tuple<", ">"));
        }

        @Override
        public String toString() {
            return wit();
        }
    }

    /**
     * {@code variant { a(T), b, ... }}: exactly one of several cases, each with an optional payload.
     *
     * @param cases the cases, at least one, with distinct names
     */
    record VariantType(List<Case> cases) implements WitType {
        /** Copies the list and checks it is non-empty with distinct names. */
        public VariantType {
            cases = List.copyOf(cases);
            requireDistinct("variant", cases.stream().map(Case::name).collect(Collectors.toList()));
        }

        @Override
        public String wit() {
            return cases.stream().map(c -> c.name() + c.type().map(t -> "(" + t.wit() + ")").orElse(""))
                    .collect(Collectors.joining(", ", "variant { ", " }"));
        }

        @Override
        public String toString() {
            return wit();
        }
    }

    /**
     * {@code enum { a, b, ... }}: a variant whose cases carry no payload.
     *
     * @param cases the case names, at least one, distinct
     */
    record EnumType(List<String> cases) implements WitType {
        /** Copies the list and checks it is non-empty with distinct names. */
        public EnumType {
            cases = List.copyOf(cases);
            requireDistinct("enum", cases);
        }

        @Override
        public String wit() {
            return "enum { " + String.join(", ", cases) + " }";
        }

        @Override
        public String toString() {
            return wit();
        }
    }

    /**
     * {@code option<T>}: a value or nothing.
     *
     * @param type the type of the value when present
     */
    record OptionType(WitType type) implements WitType {
        /** Checks the type is not null. */
        public OptionType {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String wit() {
            return "option<" + type.wit() + ">";
        }

        @Override
        public String toString() {
            return wit();
        }
    }

    /**
     * {@code result<T, E>}: success or failure, each side with an optional payload.
     *
     * @param ok the payload of the {@code ok} case, if any
     * @param error the payload of the {@code error} case, if any
     */
    record ResultType(Optional<WitType> ok, Optional<WitType> error) implements WitType {
        /** Checks that neither part is null. */
        public ResultType {
            Objects.requireNonNull(ok, "ok");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public String wit() {
            if (error.isEmpty()) {
                return ok.map(t -> "result<" + t.wit() + ">").orElse("result");
            }
            return "result<" + ok.map(WitType::wit).orElse("_") + ", " + error.get().wit() + ">";
        }

        @Override
        public String toString() {
            return wit();
        }
    }

    /**
     * {@code flags { a, b, ... }}: a set of named booleans. More than 32 labels are accepted and laid out
     * as in the pre-2024 spec (see {@code AbiCompiler}).
     *
     * @param flags the labels, at least one, distinct
     */
    record FlagsType(List<String> flags) implements WitType {
        /** Copies the list and checks it is non-empty with distinct names. */
        public FlagsType {
            flags = List.copyOf(flags);
            requireDistinct("flags", flags);
        }

        @Override
        public String wit() {
            return "flags { " + String.join(", ", flags) + " }";
        }

        @Override
        public String toString() {
            return wit();
        }
    }

    /**
     * {@code own<R>}: an owning handle to a resource.
     *
     * @param resource the resource type, compared by identity
     */
    record OwnType(ResourceType resource) implements WitType {
        /** Checks the resource type is not null. */
        public OwnType {
            Objects.requireNonNull(resource, "resource");
        }

        @Override
        public String wit() {
            return "own<" + resource.name() + ">";
        }

        @Override
        public String toString() {
            return wit();
        }
    }

    /**
     * {@code borrow<R>}: a handle lent for the duration of one call.
     *
     * @param resource the resource type, compared by identity
     */
    record BorrowType(ResourceType resource) implements WitType {
        /** Checks the resource type is not null. */
        public BorrowType {
            Objects.requireNonNull(resource, "resource");
        }

        @Override
        public String wit() {
            return "borrow<" + resource.name() + ">";
        }

        @Override
        public String toString() {
            return wit();
        }
    }

    private static void requireLabel(String name) {
        if (Objects.requireNonNull(name, "name").isEmpty()) {
            throw new IllegalArgumentException("label must not be empty");
        }
    }

    private static void requireDistinct(String what, List<String> labels) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException(what + " must have at least one label");
        }
        Set<String> seen = new HashSet<>();
        for (String label : labels) {
            requireLabel(label);
            if (!seen.add(label)) {
                throw new IllegalArgumentException(what + " has duplicate label `" + label + "`");
            }
        }
    }
}
