package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.CoreFuncType;
import io.fssdk.runtime.component.binary.CoreSort;
import java.util.Objects;
import java.util.Optional;

/**
 * A core item as validation knows it: its sort and, for a function whose signature is statically known
 * (from {@code canon lower}, a resource built-in or a core module type), that signature.
 *
 * @param sort func, table, memory, global or tag
 * @param func the function's core type, when known
 */
record CoreItem(CoreSort sort, Optional<CoreFuncType> func) {
    CoreItem {
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(func, "func");
    }

    /** An item of {@code sort} with nothing more known. */
    static CoreItem of(CoreSort sort) {
        return new CoreItem(sort, Optional.empty());
    }

    /** A core function of a known type. */
    static CoreItem func(CoreFuncType type) {
        return new CoreItem(CoreSort.FUNC, Optional.of(type));
    }
}
