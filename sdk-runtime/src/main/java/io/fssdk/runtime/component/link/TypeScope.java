package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.InvalidException;
import java.util.ArrayList;
import java.util.List;

/**
 * A type index space and the chain of enclosing ones that {@code alias outer} reaches: a component, a
 * component type or an instance type each open a new scope (Binary.md, "Alias Definitions"). Core types
 * are counted only so that core type indices stay aligned; the engine never needs their content.
 */
final class TypeScope {
    private final TypeScope parent;
    private final List<TypeEntry> types = new ArrayList<>();
    private int coreTypeCount;

    TypeScope(TypeScope parent) {
        this.parent = parent;
    }

    /** Appends a type and returns its index. */
    int add(TypeEntry entry) {
        types.add(entry);
        return types.size() - 1;
    }

    /** Counts one more core type. */
    void addCoreType() {
        coreTypeCount++;
    }

    /** The type at {@code index} of this scope. */
    TypeEntry get(int index) {
        if (index < 0 || index >= types.size()) {
            throw new InvalidException("type index " + index + " out of range (" + types.size() + " types defined)");
        }
        return types.get(index);
    }

    int size() {
        return types.size();
    }

    int coreTypeCount() {
        return coreTypeCount;
    }

    /** The scope {@code count} levels out (0 is this one). */
    TypeScope outer(int count) {
        TypeScope s = this;
        for (int i = 0; i < count; i++) {
            if (s.parent == null) {
                throw new InvalidException("outer alias count " + count + " exceeds the enclosing scopes");
            }
            s = s.parent;
        }
        return s;
    }
}
