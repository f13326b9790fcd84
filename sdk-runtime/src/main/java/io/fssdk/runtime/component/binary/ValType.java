package io.fssdk.runtime.component.binary;

/**
 * A value type as used inside other types, Binary.md's {@code valtype} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>: a primitive, or a reference by index to a {@link DefValType} defined earlier.
 * References stay unresolved here; validation resolves them.
 */
public sealed interface ValType permits PrimValType, ValType.TypeRef {

    /**
     * A reference to type {@code typeIndex} (encoded as a non-negative {@code s33}).
     *
     * @param typeIndex an index in the type index space
     */
    record TypeRef(int typeIndex) implements ValType {
    }
}
