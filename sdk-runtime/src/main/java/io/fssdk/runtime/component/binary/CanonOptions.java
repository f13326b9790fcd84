package io.fssdk.runtime.component.binary;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The synchronous canonical options, Binary.md's {@code opts} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#canonical-definitions">
 * Canonical Definitions</a>, folded into one value. The decoder rejects a repeated option and two string
 * encodings (Binary.md leaves that to validation; folding needs it earlier), and rejects the async
 * ({@code 0x06}, {@code 0x07}) and GC ({@code 0x08}, {@code 0x09}) options as unsupported.
 *
 * @param stringEncoding {@code string-encoding=...}, {@link StringEncoding#UTF8} when absent
 * @param memory {@code (memory m)}: a core memory index
 * @param realloc {@code (realloc f)}: a core func index
 * @param postReturn {@code (post-return f)}: a core func index
 */
public record CanonOptions(StringEncoding stringEncoding, OptionalInt memory, OptionalInt realloc,
        OptionalInt postReturn) {

    /** No options: UTF-8, no memory, no realloc, no post-return. */
    public static final CanonOptions NONE =
            new CanonOptions(StringEncoding.UTF8, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());

    /** Checks the parts are present. */
    public CanonOptions {
        Objects.requireNonNull(stringEncoding, "stringEncoding");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(realloc, "realloc");
        Objects.requireNonNull(postReturn, "postReturn");
    }
}
