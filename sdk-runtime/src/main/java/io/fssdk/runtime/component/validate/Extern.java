package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.Sort;
import java.util.Objects;

/**
 * An item as seen from outside: its sort and its type, Binary.md's {@code externtype} resolved. A
 * {@link Sort#FUNC} has a {@link FuncInfo}, a {@link Sort#TYPE} any {@link TypeInfo}, an
 * {@link Sort#INSTANCE} an {@link InstanceInfo}, a {@link Sort#COMPONENT} a {@link ComponentInfo} and a
 * {@link Sort#CORE_MODULE} a {@link ModuleInfo}.
 *
 * @param sort the index space the item belongs to
 * @param type what is known of its type
 */
record Extern(Sort sort, Entity type) {
    Extern {
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(type, "type");
    }

    /** A sort with its indefinite article, for messages: "a func", "an instance", "a core module". */
    static String a(Sort sort) {
        return (sort == Sort.INSTANCE ? "an " : "a ") + sort.text();
    }

    /** The nesting depth of instance and component types inside this item's type. */
    int depth() {
        return type instanceof ExternsInfo x ? x.depth() : 0;
    }
}
