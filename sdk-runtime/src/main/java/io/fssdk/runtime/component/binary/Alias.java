package io.fssdk.runtime.component.binary;

import java.util.Objects;

/**
 * An alias, Binary.md's {@code alias} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#alias-definitions">
 * Alias Definitions</a>: a component definition (section 6) and a component or instance type declarator
 * ({@code 0x02}). It appends to the index space of {@link #sort()}.
 */
public sealed interface Alias extends Definition, InstanceDecl {

    /** The index space the alias appends to. */
    Sort sort();

    /**
     * {@code s 0x00 i n}: {@code (alias export i "n" (s))}, export {@code name} of instance
     * {@code instanceIndex}.
     *
     * @param sort the sort of the export
     * @param instanceIndex the component instance index
     * @param name the export name
     */
    record InstanceExport(Sort sort, int instanceIndex, String name) implements Alias {
        /** Checks the parts are present. */
        public InstanceExport {
            Objects.requireNonNull(sort, "sort");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * {@code s 0x01 i n}: {@code (alias core export i "n" (core s))}, export {@code name} of core
     * instance {@code instanceIndex}.
     *
     * @param coreSort the core sort of the export
     * @param instanceIndex the core instance index
     * @param name the core export name
     */
    record CoreInstanceExport(CoreSort coreSort, int instanceIndex, String name) implements Alias {
        /** Checks the parts are present. */
        public CoreInstanceExport {
            Objects.requireNonNull(coreSort, "coreSort");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Sort sort() {
            return Sort.of(coreSort);
        }
    }

    /**
     * {@code s 0x02 ct idx}: {@code (alias outer ct idx (s))}, item {@code index} of the scope
     * {@code count} levels out (0 is the current scope). The decoder admits only Explainer.md's
     * {@code outeraliassort}: core module, core type, component and type.
     *
     * @param sort the sort
     * @param count how many enclosing scopes to skip
     * @param index the index in that scope's index space
     */
    record Outer(Sort sort, int count, int index) implements Alias {
        /** Checks the sort is present. */
        public Outer {
            Objects.requireNonNull(sort, "sort");
        }
    }
}
