package io.fssdk.runtime.component.binary;

import java.util.Objects;

/**
 * An index into the index space of a sort, Binary.md's {@code sortidx} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#instance-definitions">
 * Instance Definitions</a>. The index is not checked here: index spaces are built incrementally while
 * validating.
 *
 * @param sort the index space
 * @param index the index in it
 */
public record SortIndex(Sort sort, int index) {
    /** Checks the sort is present. */
    public SortIndex {
        Objects.requireNonNull(sort, "sort");
    }
}
