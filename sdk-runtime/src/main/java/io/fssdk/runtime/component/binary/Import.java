package io.fssdk.runtime.component.binary;

import java.util.Objects;

/**
 * An import, Binary.md's {@code import ::= na et} (and the identical {@code importdecl}) in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#import-and-export-definitions">
 * Import and Export Definitions</a>: a component definition (section 10) and a component type declarator
 * ({@code 0x03}). It appends to the index space of {@code type.sort()}.
 *
 * @param name the import name
 * @param attributes the name's attributes, usually none
 * @param type the type of what must be supplied
 */
public record Import(ExternName name, NameAttributes attributes, ExternType type)
        implements Definition, ComponentDecl {
    /** Checks the parts are present. */
    public Import {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(type, "type");
    }
}
