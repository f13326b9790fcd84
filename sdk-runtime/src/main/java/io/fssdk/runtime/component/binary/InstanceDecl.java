package io.fssdk.runtime.component.binary;

/**
 * A declarator of an instance (or component) type, Binary.md's {@code instancedecl} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>: {@code 0x00} {@link CoreTypeDefinition}, {@code 0x01} {@link TypeDefinition},
 * {@code 0x02} {@link Alias} or {@code 0x04} {@link ExportDecl}. Each type is decoded with its own, initially
 * empty, index spaces.
 */
public sealed interface InstanceDecl extends ComponentDecl
        permits CoreTypeDefinition, TypeDefinition, Alias, ExportDecl {
}
