package io.fssdk.runtime.component.binary;

import java.util.Objects;

/**
 * A type definition, Binary.md's {@code type} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>. It appears as a component definition (section 7) and as a component or instance type
 * declarator ({@code 0x01}); in each it appends to the type index space of its scope.
 *
 * @param type the defined type
 */
public record TypeDefinition(DefType type) implements Definition, InstanceDecl {
    /** Checks the type is present. */
    public TypeDefinition {
        Objects.requireNonNull(type, "type");
    }
}
