package io.fssdk.runtime.component.binary;

import java.util.Objects;

/**
 * A core type definition, Binary.md's {@code core:type} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>. It appears as a component definition (section 3), as a component or instance type
 * declarator ({@code 0x00}) and as a core module type declarator ({@code 0x01}); in each it appends to the
 * core type index space of its scope.
 *
 * @param type the core type
 */
public record CoreTypeDefinition(CoreType type) implements Definition, InstanceDecl, ModuleDecl {
    /** Checks the type is present. */
    public CoreTypeDefinition {
        Objects.requireNonNull(type, "type");
    }
}
