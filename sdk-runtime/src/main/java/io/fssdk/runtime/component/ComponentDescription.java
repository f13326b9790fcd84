package io.fssdk.runtime.component;

import java.util.List;
import java.util.Objects;

/**
 * A component's imports and exports, with resolved types, as {@link Component#describe(byte[])} finds
 * them without loading the component.
 *
 * @param imports the imports, in binary order
 * @param exports the exports, in binary order
 * @param wit the imports and exports as WIT-like text, as {@link Component#describe()} gives it
 */
public record ComponentDescription(List<ComponentExtern> imports, List<ComponentExtern> exports, String wit) {
    /** Copies the lists. */
    public ComponentDescription {
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
        Objects.requireNonNull(wit, "wit");
    }
}
