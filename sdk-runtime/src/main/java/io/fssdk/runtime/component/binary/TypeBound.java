package io.fssdk.runtime.component.binary;

/**
 * The bound of a type import or export, Binary.md's {@code typebound} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>.
 */
public sealed interface TypeBound {

    /**
     * {@code 0x00 i}: {@code (eq i)}, the type is exactly type {@code typeIndex}.
     *
     * @param typeIndex the type index
     */
    record Eq(int typeIndex) implements TypeBound {
    }

    /** {@code 0x01}: {@code (sub resource)}, a fresh abstract resource type. */
    record SubResource() implements TypeBound {
    }
}
