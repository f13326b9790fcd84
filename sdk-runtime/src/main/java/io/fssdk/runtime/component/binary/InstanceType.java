package io.fssdk.runtime.component.binary;

import java.util.List;

/**
 * An instance type, {@code 0x42 instancedecl*} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>: what {@code wit-component} emits for every imported or exported interface. Its
 * declarators build their own index spaces, starting empty.
 *
 * @param decls the declarators, in order
 */
public record InstanceType(List<InstanceDecl> decls) implements DefType {
    /** Copies the declarators. */
    public InstanceType {
        decls = List.copyOf(decls);
    }
}
