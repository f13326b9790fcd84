package io.fssdk.runtime.component.binary;

/**
 * One definition of a component, in binary order: Binary.md's {@code component ::= preamble section*}
 * flattened, as in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#component-definitions">
 * Component Definitions</a>. Order matters, because every definition appends to one index space (an
 * {@link Export} appends to the space of its sort too) and later definitions refer to earlier ones by index.
 *
 * <p>Which index space each case appends to:
 * <ul>
 * <li>{@link CustomSection}: none.
 * <li>{@link CoreModule}: core module. {@link CoreInstance}: core instance. {@link CoreTypeDefinition}: core
 * type.
 * <li>{@link NestedComponent}: component. {@link Instance}: instance. {@link TypeDefinition}: type.
 * <li>{@link Alias}: {@link Alias#sort()}. {@link Canon}: {@link Canon#sort()}.
 * <li>{@link Import}: {@link ExternType#sort()} of its type. {@link Export}: the sort of its item.
 * </ul>
 */
public sealed interface Definition
        permits CustomSection, CoreModule, CoreInstance, CoreTypeDefinition, NestedComponent, Instance,
                Alias, TypeDefinition, Canon, Import, Export {
}
