package io.fssdk.runtime.component.binary;

import java.util.Objects;

/**
 * A custom section (id 0), core {@code custom} reused by
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#component-definitions">
 * Component Definitions</a>. Kept, not interpreted: it defines nothing, and even the {@code component-name}
 * section must not make a component invalid.
 *
 * @param name the section's name
 * @param data the payload after the name
 */
public record CustomSection(String name, ByteSlice data) implements Definition {
    /** Checks both parts are present. */
    public CustomSection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
    }
}
