package io.fssdk.runtime.component;

/**
 * How a {@link Component} is loaded and its instances run. Immutable; made by {@link #builder()}.
 */
public final class ComponentOptions {
    /** The most a WebAssembly 32-bit memory can hold, in 64 KiB pages. */
    public static final int MAX_PAGES = 65536;

    private static final ComponentOptions DEFAULTS = builder().build();

    private final ExecutionMode executionMode;
    private final int maxMemoryPages;
    private final String name;

    private ComponentOptions(Builder b) {
        this.executionMode = b.executionMode;
        this.maxMemoryPages = b.maxMemoryPages;
        this.name = b.name;
    }

    /** The defaults: the runtime compiler, no memory cap beyond each module's own. */
    public static ComponentOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** How core modules run. */
    public ExecutionMode executionMode() {
        return executionMode;
    }

    /**
     * The cap on every linear memory an instance defines, in 64 KiB pages. It never raises a smaller
     * maximum that a module declares itself.
     */
    public int maxMemoryPages() {
        return maxMemoryPages;
    }

    /** The name the engine's log lines give the component (e.g. the operator it runs); {@code component} by default. */
    public String name() {
        return name;
    }

    /** Builds {@link ComponentOptions}. */
    public static final class Builder {
        private ExecutionMode executionMode = ExecutionMode.COMPILER;
        private int maxMemoryPages = MAX_PAGES;
        private String name = "component";

        private Builder() {
        }

        /** Sets how core modules run; the default is {@link ExecutionMode#COMPILER}. */
        public Builder executionMode(ExecutionMode mode) {
            this.executionMode = java.util.Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Caps each linear memory at {@code bytes}, rounded down to whole 64 KiB pages (at least one). */
        public Builder maxMemoryBytes(long bytes) {
            if (bytes < 65536) {
                throw new IllegalArgumentException("memory cap must be at least one 64 KiB page, got " + bytes);
            }
            this.maxMemoryPages = (int) Math.min(MAX_PAGES, bytes / 65536);
            return this;
        }

        /** The name the engine's log lines (logger {@code io.fssdk.runtime.component}) give the component. */
        public Builder name(String name) {
            this.name = java.util.Objects.requireNonNull(name, "name");
            return this;
        }

        /** Builds the options. */
        public ComponentOptions build() {
            return new ComponentOptions(this);
        }
    }
}
