package io.fssdk.runtime.component.binary;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Core <a href="https://webassembly.github.io/spec/core/binary/types.html#limits">{@code limits}</a> of a
 * memory or table type, with the threads ({@code shared}) and memory64 / table64 flags. Custom page sizes are
 * rejected when decoding.
 *
 * @param min the minimum, in pages or elements
 * @param max the maximum, if any
 * @param shared whether the memory is shared
 * @param address64 whether the memory or table is 64-bit indexed
 */
public record CoreLimits(long min, OptionalLong max, boolean shared, boolean address64) {
    /** Checks the maximum is present. */
    public CoreLimits {
        Objects.requireNonNull(max, "max");
    }
}
