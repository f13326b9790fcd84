package io.fssdk.runtime.component.binary;

import java.util.List;

/**
 * A component type, {@code 0x41 componentdecl*} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>. Its declarators build their own index spaces, starting empty; outer aliases reach
 * enclosing scopes.
 *
 * @param decls the declarators, in order
 */
public record ComponentType(List<ComponentDecl> decls) implements DefType {
    /** Copies the declarators. */
    public ComponentType {
        decls = List.copyOf(decls);
    }
}
