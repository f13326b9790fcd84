package io.fssdk.runtime.component.binary;

/**
 * A declarator of a component type, Binary.md's {@code componentdecl} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>: an {@link Import} ({@code 0x03}) or any {@link InstanceDecl}.
 */
public sealed interface ComponentDecl permits InstanceDecl, Import {
}
