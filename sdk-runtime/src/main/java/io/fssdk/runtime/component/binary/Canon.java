package io.fssdk.runtime.component.binary;

import java.util.Objects;

/**
 * A canonical definition (section 8), Binary.md's {@code canon} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#canonical-definitions">
 * Canonical Definitions</a>, restricted to the synchronous MVP: {@code lift}, {@code lower} and the three
 * resource built-ins. Every other built-in is rejected when decoding.
 */
public sealed interface Canon extends Definition {

    /** The index space the definition appends to: {@link Sort#FUNC} for a lift, else core func. */
    Sort sort();

    /**
     * {@code 0x00 0x00 f opts ft}: {@code (canon lift f opts (type ft))}, a component function.
     *
     * @param coreFuncIndex the core function lifted
     * @param options its canonical options
     * @param typeIndex the function type, in the type index space
     */
    record Lift(int coreFuncIndex, CanonOptions options, int typeIndex) implements Canon {
        /** Checks the options are present. */
        public Lift {
            Objects.requireNonNull(options, "options");
        }

        @Override
        public Sort sort() {
            return Sort.FUNC;
        }
    }

    /**
     * {@code 0x01 0x00 f opts}: {@code (canon lower f opts (core func))}.
     *
     * @param funcIndex the component function lowered
     * @param options its canonical options
     */
    record Lower(int funcIndex, CanonOptions options) implements Canon {
        /** Checks the options are present. */
        public Lower {
            Objects.requireNonNull(options, "options");
        }

        @Override
        public Sort sort() {
            return Sort.CORE_FUNC;
        }
    }

    /**
     * {@code 0x02 rt}: {@code (canon resource.new rt (core func))}.
     *
     * @param typeIndex the resource type, in the type index space
     */
    record ResourceNew(int typeIndex) implements Canon {
        @Override
        public Sort sort() {
            return Sort.CORE_FUNC;
        }
    }

    /**
     * {@code 0x03 rt}: {@code (canon resource.drop rt (core func))}.
     *
     * @param typeIndex the resource type, in the type index space
     */
    record ResourceDrop(int typeIndex) implements Canon {
        @Override
        public Sort sort() {
            return Sort.CORE_FUNC;
        }
    }

    /**
     * {@code 0x04 rt}: {@code (canon resource.rep rt (core func))}.
     *
     * @param typeIndex the resource type, in the type index space
     */
    record ResourceRep(int typeIndex) implements Canon {
        @Override
        public Sort sort() {
            return Sort.CORE_FUNC;
        }
    }
}
