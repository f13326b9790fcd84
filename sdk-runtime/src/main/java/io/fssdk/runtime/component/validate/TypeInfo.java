package io.fssdk.runtime.component.validate;

/**
 * An entry of a type index space: Binary.md's
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * {@code deftype}</a> after its indices were resolved, plus resource types.
 */
sealed interface TypeInfo extends Entity permits ValueInfo, FuncInfo, ResourceInfo, ExternsInfo {
    /**
     * Whether the type refers to a resource bound outside itself, which Binary.md forbids an outer alias
     * to carry across a component boundary (Alias Definitions). Value, func and resource types bind no
     * resource of their own, so any resource they reach is free; instance and component types know which of
     * their declarations alias one from outside.
     */
    default boolean mentionsFreeResource() {
        return hasResources();
    }

    /** What the type is, for messages: "a value type", "a resource type", ... */
    String describe();
}
