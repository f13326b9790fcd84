package io.fssdk.runtime.component.binary;

import java.util.Objects;

/**
 * An export declarator of a component or instance type ({@code 0x04}), Binary.md's
 * {@code exportdecl ::= na et} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>. It appends to the index space of {@code type.sort()} in the type's scope; a
 * {@code (type (sub resource))} bound introduces a fresh abstract resource type.
 *
 * @param name the export name
 * @param attributes the name's attributes, usually none
 * @param type the type of the export
 */
public record ExportDecl(ExternName name, NameAttributes attributes, ExternType type) implements InstanceDecl {
    /** Checks the parts are present. */
    public ExportDecl {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(type, "type");
    }
}
