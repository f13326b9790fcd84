package io.fssdk.runtime.component.binary;

import java.util.Objects;

/**
 * A declarator of a core module type, Binary.md's {@code core:moduledecl} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>: an import ({@code 0x00}), a core type ({@code 0x01}, a {@link CoreTypeDefinition}),
 * an outer type alias ({@code 0x02}) or an export ({@code 0x03}).
 */
public sealed interface ModuleDecl permits ModuleDecl.Import, CoreTypeDefinition, ModuleDecl.OuterTypeAlias,
        ModuleDecl.Export {

    /**
     * {@code 0x00 core:import}: {@code (import "module" "name" t)}.
     *
     * @param module the import module name
     * @param name the import field name
     * @param type the import's type
     */
    record Import(String module, String name, CoreExternType type) implements ModuleDecl {
        /** Checks the parts are present. */
        public Import {
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * {@code 0x02 0x10 0x01 ct idx}: {@code (alias outer ct idx (type))}, a core type of an enclosing
     * scope.
     *
     * @param count how many enclosing scopes to skip
     * @param index the core type index there
     */
    record OuterTypeAlias(int count, int index) implements ModuleDecl {
    }

    /**
     * {@code 0x03 n t}: {@code (export "n" t)}.
     *
     * @param name the export name
     * @param type the export's type
     */
    record Export(String name, CoreExternType type) implements ModuleDecl {
        /** Checks the parts are present. */
        public Export {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }
}
