package io.fssdk.runtime.component.binary;

import java.util.Locale;
import java.util.Optional;

/**
 * A sort, Binary.md's {@code sort} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#instance-definitions">
 * Instance Definitions</a>: the 8 core sorts ({@code 0x00 cs}) and the component-level ones. Each names one
 * index space. The 🪙 {@code value} sort is rejected when decoding, so it has no constant.
 */
public enum Sort {
    /** {@code 0x00 0x00}: core func. */
    CORE_FUNC(CoreSort.FUNC),
    /** {@code 0x00 0x01}: core table. */
    CORE_TABLE(CoreSort.TABLE),
    /** {@code 0x00 0x02}: core memory. */
    CORE_MEMORY(CoreSort.MEMORY),
    /** {@code 0x00 0x03}: core global. */
    CORE_GLOBAL(CoreSort.GLOBAL),
    /** {@code 0x00 0x04}: core tag. */
    CORE_TAG(CoreSort.TAG),
    /** {@code 0x00 0x10}: core type. */
    CORE_TYPE(CoreSort.TYPE),
    /** {@code 0x00 0x11}: core module. */
    CORE_MODULE(CoreSort.MODULE),
    /** {@code 0x00 0x12}: core instance. */
    CORE_INSTANCE(CoreSort.INSTANCE),
    /** {@code 0x01}: component function. */
    FUNC(null),
    /** {@code 0x03}: component type. */
    TYPE(null),
    /** {@code 0x04}: component. */
    COMPONENT(null),
    /** {@code 0x05}: component instance. */
    INSTANCE(null);

    private final CoreSort core;

    Sort(CoreSort core) {
        this.core = core;
    }

    /** The component sort for a core sort. */
    public static Sort of(CoreSort core) {
        return switch (core) {
            case FUNC -> CORE_FUNC;
            case TABLE -> CORE_TABLE;
            case MEMORY -> CORE_MEMORY;
            case GLOBAL -> CORE_GLOBAL;
            case TAG -> CORE_TAG;
            case TYPE -> CORE_TYPE;
            case MODULE -> CORE_MODULE;
            case INSTANCE -> CORE_INSTANCE;
        };
    }

    /** Whether this is one of the core sorts. */
    public boolean isCore() {
        return core != null;
    }

    /** The core sort, for the core sorts. */
    public Optional<CoreSort> coreSort() {
        return Optional.ofNullable(core);
    }

    /** The sort as written in component text, e.g. "core func" or "instance". */
    public String text() {
        return core != null ? "core " + core.text() : name().toLowerCase(Locale.ROOT);
    }
}
