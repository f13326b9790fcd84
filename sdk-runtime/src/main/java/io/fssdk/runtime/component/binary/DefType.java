package io.fssdk.runtime.component.binary;

/**
 * A type definition's body, Binary.md's {@code deftype} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>: a value type, a function type, a component type, an instance type or a resource type.
 */
public sealed interface DefType permits DefValType, FuncType, ComponentType, InstanceType, ResourceType {
}
