package io.fssdk.runtime.component.binary;

/**
 * A core type, Binary.md's {@code core:deftype} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>: a core function type or a core module type. WebAssembly 3.0 recursive, sub, struct
 * and array types are rejected as unsupported.
 */
public sealed interface CoreType permits CoreFuncType, CoreModuleType {
}
