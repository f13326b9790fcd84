package io.fssdk.runtime.component;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The type of a component function: named parameters and at most one result, as in the synchronous
 * component model ({@code functype} in Binary.md).
 *
 * @param params the parameters, in order, with their labels
 * @param result the result type, if the function returns one
 */
public record FuncSignature(List<WitType.Field> params, Optional<WitType> result) {
    /** Copies the parameter list and rejects nulls. */
    public FuncSignature {
        params = List.copyOf(params);
        Objects.requireNonNull(result, "result");
    }

    /** A signature from its parts. */
    public static FuncSignature of(List<WitType.Field> params, WitType result) {
        return new FuncSignature(params, Optional.of(result));
    }

    /** A signature that returns nothing. */
    public static FuncSignature returningNothing(List<WitType.Field> params) {
        return new FuncSignature(params, Optional.empty());
    }

    /** The parameter types, in order. */
    public List<WitType> paramTypes() {
        return params.stream().map(WitType.Field::type).collect(Collectors.toUnmodifiableList());
    }

    /** WIT syntax, e.g. {@code func(key: list<u8>) -> result<_, error>}. */
    public String wit() {
        String ps = params.stream().map(p -> p.name() + ": " + p.type().wit()).collect(Collectors.joining(", "));
        return "func(" + ps + ")" + result.map(r -> " -> " + r.wit()).orElse("");
    }

    @Override
    public String toString() {
        return wit();
    }
}
