package io.fssdk.runtime.component;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link Component} is loaded and its instances run. Immutable; made by {@link #builder()}.
 */
public final class ComponentOptions {
    /**
     * The most a linear memory can hold in this engine, in 64 KiB pages: 2 GiB minus one page. A wasm32
     * memory could reach 4 GiB, but the engine keeps each memory in one Java array. It is also the cap
     * when none is set, so that a guest growing into it is reported as hitting a memory limit
     * ({@code LIMIT_EXCEEDED}), not as an ordinary trap.
     */
    public static final int MAX_PAGES = 32767;

    private static final ComponentOptions DEFAULTS = builder().build();

    private final ExecutionMode executionMode;
    private final int maxMemoryPages;
    private final String name;
    private final Path codeCache;
    private final long maxFuel;
    private final long maxGcBytes;
    private final boolean compileInBackground;

    private ComponentOptions(Builder b) {
        this.compileInBackground = b.compileInBackground;
        this.maxFuel = b.maxFuel;
        this.maxGcBytes = b.maxGcBytes;
        this.executionMode = b.executionMode;
        this.maxMemoryPages = b.maxMemoryPages;
        this.name = b.name;
        this.codeCache = b.codeCache;
    }

    /** The defaults: our compiler, no memory cap beyond each module's own and {@link #MAX_PAGES}, no fuel limit. */
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

    /** The directory where compiled code is kept between JVMs, if one was given. */
    public Optional<Path> codeCache() {
        return Optional.ofNullable(codeCache);
    }

    /**
     * The user's directory for compiled code, where the command-line tools keep it by default:
     * {@code $XDG_CACHE_HOME/fssdk/code}, else {@code ~/.cache/fssdk/code} (the XDG base-directory convention).
     * Nothing is created here.
     */
    public static Path defaultCodeCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("fssdk").resolve("code");
    }

    /** Whether large modules compile in the background while instances start interpreted. */
    public boolean compileInBackground() {
        return compileInBackground;
    }

    /** The fuel budget of each call in steps (see {@link Builder#maxFuel}), or 0 for none. */
    public long maxFuel() {
        return maxFuel;
    }

    /**
     * The most heap the GC objects (structs and arrays) of one core instance may take, by estimate (see
     * {@link Builder#maxGcBytes}), or 0 for the default: a quarter of the JVM's maximum heap, at most 1 GiB.
     */
    public long maxGcBytes() {
        return maxGcBytes;
    }

    /** Builds {@link ComponentOptions}. */
    public static final class Builder {
        private ExecutionMode executionMode = ExecutionMode.COMPILER;
        private int maxMemoryPages = MAX_PAGES;
        private String name = "component";
        private Path codeCache;
        private long maxFuel;
        private long maxGcBytes;
        private boolean compileInBackground = true;

        private Builder() {
        }

        /**
         * Whether a large core module (over about a second of compiling) not found in the code cache compiles
         * on a background thread while instances start in Chicory's interpreter, moving to compiled code at
         * their first call after it is done. On by default, so that a big guest (a JavaScript or Python
         * runtime) takes its first record seconds earlier; off, {@link Component#compile()} and the first
         * instantiation wait for the compiled code. Only {@link ExecutionMode#COMPILER} compiles this way.
         */
        public Builder compileInBackground(boolean background) {
            this.compileInBackground = background;
            return this;
        }

        /**
         * Gives every call into an instance a budget of {@code steps}: function entries plus loop iterations,
         * metered in granules of {@code 1,024} steps at no cost to compiled code's hot path. A call that uses
         * it up traps with a message naming fuel (WasmDriver reports {@code LIMIT_EXCEEDED}). It bounds what
         * one record may run, independently of machine speed, where the deadline bounds wall time. Counted by
         * {@link ExecutionMode#COMPILER} only; a function that runs in the interpreter is not metered. 0 (the
         * default) means no budget.
         *
         * @throws IllegalArgumentException for a negative budget
         */
        public Builder maxFuel(long steps) {
            if (steps < 0) {
                throw new IllegalArgumentException("maxFuel must not be negative, got " + steps);
            }
            this.maxFuel = steps;
            return this;
        }

        /**
         * Caps the heap that one core instance's GC objects (the structs and arrays of a guest built for the
         * wasm GC proposal, such as Kotlin's) may take, by an estimate of their size. An allocation past it
         * traps with a message naming "out of memory", and the guest is restarted on a fresh instance, so that
         * a guest hoarding objects, or making garbage faster than it returns, fails alone instead of taking the
         * host's heap. The default is a quarter of the JVM's maximum heap, at most 1 GiB; set it lower where
         * many instances share one JVM. Enforced by {@link ExecutionMode#COMPILER}.
         *
         * @throws IllegalArgumentException for a cap that is not positive
         */
        public Builder maxGcBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxGcBytes must be positive, got " + bytes);
            }
            this.maxGcBytes = bytes;
            return this;
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

        /**
         * Caps each linear memory at {@code bytes}, rounded down to whole 64 KiB pages (at least one, at most
         * {@link #MAX_PAGES}).
         */
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

        /**
         * Builds the options.
         *
         * @throws IllegalArgumentException when a fuel budget is set for a mode that cannot meter it
         */
        public ComponentOptions build() {
            if (maxFuel > 0 && executionMode != ExecutionMode.COMPILER) {
                throw new IllegalArgumentException("maxFuel is metered by ExecutionMode.COMPILER only, not "
                        + executionMode);
            }
            return new ComponentOptions(this);
        }
    }
}
