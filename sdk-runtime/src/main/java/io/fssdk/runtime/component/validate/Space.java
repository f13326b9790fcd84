package io.fssdk.runtime.component.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * One index space, built incrementally in definition order as Explainer.md's
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Explainer.md#index-spaces">Index
 * Spaces</a> describes: every definition appends, and a reference may only name an index already appended.
 *
 * @param <T> what validation knows about each entry
 */
final class Space<T> {
    private final String what;
    private final List<T> items = new ArrayList<>();

    /** @param what the sort as written in messages, e.g. "core func" */
    Space(String what) {
        this.what = what;
    }

    /** Appends an entry. */
    void add(T item) {
        items.add(item);
    }

    /** The entry at {@code index}, or a failure naming the sort and how many are defined. */
    T get(int index) {
        if (index < 0 || index >= items.size()) {
            // Worded as wasm-tools words it ("unknown type 5: type index out of bounds"), plus the count.
            throw new Invalid("unknown " + what + " " + Integer.toUnsignedString(index) + ": " + what
                    + " index out of bounds (" + items.size() + " defined)");
        }
        return items.get(index);
    }

    int size() {
        return items.size();
    }
}
