package io.fssdk.runtime.component.binary;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A decoded component, Binary.md's
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#component-definitions">
 * {@code component}</a>: its definitions in binary order (sections flattened, as the spec does) together with
 * the byte offset at which each begins. Decoding checks only the binary format; index ranges, types and
 * names' uniqueness are left to validation, which walks {@link #definitions()} in order to build the index
 * spaces.
 *
 * @param definitions every definition, in order
 * @param offsets the absolute byte offset of each definition, for error messages
 */
public record ParsedComponent(List<Definition> definitions, List<Integer> offsets) {
    /** Copies both lists and checks they line up. */
    public ParsedComponent {
        definitions = List.copyOf(definitions);
        offsets = List.copyOf(offsets);
        if (definitions.size() != offsets.size()) {
            throw new IllegalArgumentException(definitions.size() + " definitions but " + offsets.size() + " offsets");
        }
    }

    /** The byte offset of definition {@code i}. */
    public int offsetOf(int i) {
        return offsets.get(i);
    }

    /** The component's imports, in order (a convenience over {@link #definitions()}). */
    public List<Import> imports() {
        return only(Import.class);
    }

    /** The component's exports, in order (a convenience over {@link #definitions()}). */
    public List<Export> exports() {
        return only(Export.class);
    }

    private <T extends Definition> List<T> only(Class<T> kind) {
        Objects.requireNonNull(kind, "kind");
        List<T> out = new ArrayList<>();
        for (Definition d : definitions) {
            if (kind.isInstance(d)) {
                out.add(kind.cast(d));
            }
        }
        return List.copyOf(out);
    }
}
