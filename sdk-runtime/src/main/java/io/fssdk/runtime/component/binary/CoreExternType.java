package io.fssdk.runtime.component.binary;

import java.util.Objects;

/**
 * A core extern type, <a href="https://webassembly.github.io/spec/core/binary/types.html#external-types">
 * {@code externtype}</a>: the type of a core import or export in a core module type.
 */
public sealed interface CoreExternType {

    /**
     * {@code 0x00 x}: a function of core type {@code typeIndex}.
     *
     * @param typeIndex an index in the module type's core type index space
     */
    record Func(int typeIndex) implements CoreExternType {
    }

    /**
     * {@code 0x01 rt lim}: a table.
     *
     * @param element the element reference type
     * @param limits its limits
     */
    record Table(CoreValType element, CoreLimits limits) implements CoreExternType {
        /** Checks the parts are present. */
        public Table {
            Objects.requireNonNull(element, "element");
            Objects.requireNonNull(limits, "limits");
        }
    }

    /**
     * {@code 0x02 lim}: a memory.
     *
     * @param limits its limits, in 64 KiB pages
     */
    record Memory(CoreLimits limits) implements CoreExternType {
        /** Checks the limits are present. */
        public Memory {
            Objects.requireNonNull(limits, "limits");
        }
    }

    /**
     * {@code 0x03 t m}: a global.
     *
     * @param type its value type
     * @param mutable whether it is {@code mut}
     */
    record Global(CoreValType type, boolean mutable) implements CoreExternType {
        /** Checks the type is present. */
        public Global {
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * {@code 0x04 0x00 x}: an exception tag of core function type {@code typeIndex}.
     *
     * @param typeIndex an index in the module type's core type index space
     */
    record Tag(int typeIndex) implements CoreExternType {
    }
}
