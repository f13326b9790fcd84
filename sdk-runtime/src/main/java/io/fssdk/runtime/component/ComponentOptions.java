package io.fssdk.runtime.component;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link Component} is loaded and its instances run. Immutable; made by {@link #builder()}.
 */
public final class ComponentOptions {
    /** The most a WebAssembly 32-bit memory can hold, in 64 KiB pages. */
    public static final int MAX_PAGES = 65536;

    private static final ComponentOptions DEFAULTS = builder().build();

    private final ExecutionMode executionMode;
    private final int maxMemoryPages;
    private final Path codeCache;

    private ComponentOptions(Builder b) {
        this.executionMode = b.executionMode;
        this.maxMemoryPages = b.maxMemoryPages;
        this.codeCache = b.codeCache;
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

    /** The directory where compiled code is kept between JVMs, if one was given. */
    public Optional<Path> codeCache() {
        return Optional.ofNullable(codeCache);
    }

    /** Builds {@link ComponentOptions}. */
    public static final class Builder {
        private ExecutionMode executionMode = ExecutionMode.COMPILER;
        private int maxMemoryPages = MAX_PAGES;
        private Path codeCache;

        private Builder() {
        }

        /**
         * Keeps compiled code in {@code directory} (created if needed), so that another JVM loading the same
         * core module skips compiling it. Entries are keyed by the module's content and the code generator's
         * version, written atomically (JVMs may share the directory), and checked on read: a corrupt or
         * truncated entry is compiled again, never loaded. Off by default; the interpreter ignores it.
         */
        public Builder codeCache(Path directory) {
            this.codeCache = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Sets how core modules run; the default is {@link ExecutionMode#COMPILER}. */
        public Builder executionMode(ExecutionMode mode) {
            this.executionMode = Objects.requireNonNull(mode, "mode");
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

        /** Builds the options. */
        public ComponentOptions build() {
            return new ComponentOptions(this);
        }
    }
}
