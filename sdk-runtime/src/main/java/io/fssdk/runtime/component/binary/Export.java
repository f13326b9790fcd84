package io.fssdk.runtime.component.binary;

import java.util.Objects;
import java.util.Optional;

/**
 * An export definition (section 11), Binary.md's {@code export ::= na si et?} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#import-and-export-definitions">
 * Import and Export Definitions</a>. Like an alias, it appends a new index to the space of
 * {@code item.sort()}.
 *
 * @param name the export name
 * @param attributes the name's attributes, usually none
 * @param item the item exported
 * @param type the optional type ascription, a supertype of the item's type
 */
public record Export(ExternName name, NameAttributes attributes, SortIndex item, Optional<ExternType> type)
        implements Definition {
    /** Checks the parts are present. */
    public Export {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(type, "type");
    }
}
