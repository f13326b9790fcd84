package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.CoreFuncType;
import java.util.Objects;

/**
 * An entry of a core type index space: a core function type, or a core module type resolved into a
 * {@link ModuleInfo}.
 */
sealed interface CoreTypeInfo permits CoreTypeInfo.Func, ModuleInfo {
    /** A core function type. */
    record Func(CoreFuncType type) implements CoreTypeInfo {
        public Func {
            Objects.requireNonNull(type, "type");
        }
    }
}
