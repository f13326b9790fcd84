package io.fssdk.runtime.component.abi;

import java.util.List;

/**
 * The canonical ABI layout of a type, computed once when the type is compiled into an {@link AbiType}: its
 * size and alignment in linear memory, and the core types it flattens into.
 *
 * @param size the spec's {@code elem_size}
 * @param align the spec's {@code alignment}
 * @param flat the spec's {@code flatten_type}
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#alignment">
 *     CanonicalABI.md: alignment, element size, flattening</a>
 */
public record Layout(int size, int align, List<CoreType> flat) {
    /** Copies the flat types. */
    public Layout {
        flat = List.copyOf(flat);
    }

    /** The number of flat core values. */
    public int flatCount() {
        return flat.size();
    }
}
