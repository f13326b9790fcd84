package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.CoreExternType;
import io.fssdk.runtime.component.binary.CoreFuncType;
import io.fssdk.runtime.component.binary.CoreSort;
import java.util.Objects;
import java.util.Optional;

/**
 * A core item as validation knows it: its sort and, where statically known (from {@code canon lower}, a resource
 * built-in, a core module type or the decoded imports and exports of an embedded module), its type, so that core
 * instantiation can be matched as core WebAssembly's import matching does.
 *
 * @param sort func, table, memory, global or tag
 * @param func the core function type of a function or tag, when known
 * @param shape the {@link CoreExternType.Table}, {@link CoreExternType.Memory} or {@link CoreExternType.Global}
 *     type of a table, memory or global, when known
 */
record CoreItem(CoreSort sort, Optional<CoreFuncType> func, Optional<CoreExternType> shape) {
    CoreItem {
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(func, "func");
        Objects.requireNonNull(shape, "shape");
    }

    /** An item of {@code sort} with nothing more known. */
    static CoreItem of(CoreSort sort) {
        return new CoreItem(sort, Optional.empty(), Optional.empty());
    }

    /** A core function of a known type. */
    static CoreItem func(CoreFuncType type) {
        return new CoreItem(CoreSort.FUNC, Optional.of(type), Optional.empty());
    }

    /** A tag whose payload is the parameters of {@code type}. */
    static CoreItem tag(CoreFuncType type) {
        return new CoreItem(CoreSort.TAG, Optional.of(type), Optional.empty());
    }

    /** A table, memory or global of the known type {@code type}. */
    static CoreItem of(CoreExternType type) {
        CoreSort sort;
        if (type instanceof CoreExternType.Table) {
            sort = CoreSort.TABLE;
        } else if (type instanceof CoreExternType.Memory) {
            sort = CoreSort.MEMORY;
        } else if (type instanceof CoreExternType.Global) {
            sort = CoreSort.GLOBAL;
        } else {
            throw new IllegalArgumentException("functions and tags are typed by their core function type: " + type);
        }
        return new CoreItem(sort, Optional.empty(), Optional.of(type));
    }
}
