package io.fssdk.runtime.component.binary;

import java.util.Objects;

/**
 * An embedded core module (section 1), {@code core:module} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#component-definitions">
 * Component Definitions</a>. Its bytes are kept as a slice and not decoded here: Chicory parses them, once,
 * when the component is compiled. The slice starts at the module's own {@code \0asm} preamble.
 *
 * @param bytes the complete core module binary
 */
public record CoreModule(ByteSlice bytes) implements Definition {
    /** Checks the bytes are present. */
    public CoreModule {
        Objects.requireNonNull(bytes, "bytes");
    }
}
