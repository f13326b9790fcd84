package io.fssdk.runtime.component.binary;

import java.util.Objects;

/**
 * A labelled value type, Binary.md's {@code labelvaltype} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>: a record field or a function parameter. The label is a kebab-case {@code label}.
 *
 * @param label the field or parameter name
 * @param type its type
 */
public record LabeledValType(String label, ValType type) {
    /** Checks the parts are present. */
    public LabeledValType {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
    }
}
