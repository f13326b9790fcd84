package io.fssdk.runtime.component.binary;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A synchronous component function type, {@code 0x40 paramlist resultlist} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>. The 🔀 {@code async} form ({@code 0x43}) and the removed multi-result form are
 * rejected when decoding.
 *
 * @param params the named parameters, in order
 * @param result the single unnamed result, if any
 */
public record FuncType(List<LabeledValType> params, Optional<ValType> result) implements DefType {
    /** Copies the parameters. */
    public FuncType {
        params = List.copyOf(params);
        Objects.requireNonNull(result, "result");
    }
}
