package io.fssdk.runtime.component.binary;

import java.util.Objects;

/**
 * A nested component (section 4), appended to the component index space; see
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#component-definitions">
 * Component Definitions</a>. It is decoded in full, with its own index spaces, and its offsets stay absolute
 * in the outermost binary.
 *
 * @param component the nested component's definitions
 */
public record NestedComponent(ParsedComponent component) implements Definition {
    /** Checks the component is present. */
    public NestedComponent {
        Objects.requireNonNull(component, "component");
    }
}
