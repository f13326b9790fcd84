package io.fssdk.runtime.component.binary;

import java.util.List;

/**
 * A core module type, {@code 0x50 moduledecl*} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>: the imports and exports a core module must have. Its declarators start with an empty
 * core type index space.
 *
 * @param decls the declarators, in order
 */
public record CoreModuleType(List<ModuleDecl> decls) implements CoreType {
    /** Copies the declarators. */
    public CoreModuleType {
        decls = List.copyOf(decls);
    }
}
