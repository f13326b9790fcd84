package io.fssdk.runtime.component.binary;

import java.util.Objects;

/**
 * The type of an import or export, Binary.md's {@code externtype} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * Type Definitions</a>. The 🪙 {@code value} case is rejected when decoding. Indices refer to the (core) type
 * index space of the enclosing scope.
 */
public sealed interface ExternType {

    /** The index space an import or export of this type appends to. */
    Sort sort();

    /**
     * {@code 0x00 0x11 i}: {@code (core module (type i))}.
     *
     * @param coreTypeIndex a core module type, in the core type index space
     */
    record Module(int coreTypeIndex) implements ExternType {
        @Override
        public Sort sort() {
            return Sort.CORE_MODULE;
        }
    }

    /**
     * {@code 0x01 i}: {@code (func (type i))}.
     *
     * @param typeIndex a function type
     */
    record Func(int typeIndex) implements ExternType {
        @Override
        public Sort sort() {
            return Sort.FUNC;
        }
    }

    /**
     * {@code 0x03 b}: {@code (type b)}.
     *
     * @param bound equal to a given type, or a fresh resource
     */
    record Type(TypeBound bound) implements ExternType {
        /** Checks the bound is present. */
        public Type {
            Objects.requireNonNull(bound, "bound");
        }

        @Override
        public Sort sort() {
            return Sort.TYPE;
        }
    }

    /**
     * {@code 0x04 i}: {@code (component (type i))}.
     *
     * @param typeIndex a component type
     */
    record Component(int typeIndex) implements ExternType {
        @Override
        public Sort sort() {
            return Sort.COMPONENT;
        }
    }

    /**
     * {@code 0x05 i}: {@code (instance (type i))}.
     *
     * @param typeIndex an instance type
     */
    record Instance(int typeIndex) implements ExternType {
        @Override
        public Sort sort() {
            return Sort.INSTANCE;
        }
    }
}
