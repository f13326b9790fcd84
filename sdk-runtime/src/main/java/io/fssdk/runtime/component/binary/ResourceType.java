package io.fssdk.runtime.component.binary;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A resource type definition, {@code 0x3f rep dtor?} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>: {@code (resource (rep i32) (dtor f)?)}. Each definition is a fresh type. The 🚝
 * async-destructor form ({@code 0x3e}) is rejected when decoding.
 *
 * @param rep the core representation; validation requires {@code i32}
 * @param destructor a core func index of type {@code [i32] -> []}, if any
 */
public record ResourceType(CoreValType rep, OptionalInt destructor) implements DefType {
    /** Checks the parts are present. */
    public ResourceType {
        Objects.requireNonNull(rep, "rep");
        Objects.requireNonNull(destructor, "destructor");
    }
}
