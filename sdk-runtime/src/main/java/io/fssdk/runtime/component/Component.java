package io.fssdk.runtime.component;

import io.fssdk.runtime.component.link.Describer;
import io.fssdk.runtime.component.link.PreparedComponent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A WebAssembly component, parsed and checked once, then instantiated any number of times by a
 * {@link Linker}. Its core modules are parsed here and compiled (in {@link ExecutionMode#COMPILER} mode)
 * at most once, on first instantiation; every instance reuses the compiled code. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * Component component = Component.load(Path.of("counter.wasm"));
 * ComponentInstance instance = linker.instantiate(component);
 * }</pre>
 */
public final class Component {
    private final PreparedComponent prepared;
    // Computed on first use; a benign race computes the same immutable value twice at worst.
    private volatile Describer.Description description;

    private Component(PreparedComponent prepared) {
        this.prepared = prepared;
    }

    /**
     * Parses a component binary with the default options.
     *
     * @throws MalformedException for bytes that are not a well-formed component
     * @throws InvalidException for a component that is not valid
     */
    public static Component load(byte[] binary) {
        return load(binary, ComponentOptions.defaults());
    }

    /** Parses a component binary. */
    public static Component load(byte[] binary, ComponentOptions options) {
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(options, "options");
        return new Component(PreparedComponent.prepare(binary, options));
    }

    /** Reads and parses a component file with the default options. */
    public static Component load(Path path) {
        return load(path, ComponentOptions.defaults());
    }

    /** Reads and parses a component file. */
    public static Component load(Path path, ComponentOptions options) {
        try {
            return load(Files.readAllBytes(path), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read component " + path, e);
        }
    }

    /**
     * Describes a component binary's imports and exports without loading it: the component's own
     * sections are parsed and validated, its core modules are not (neither parsed nor compiled), so this
     * is cheap even for a 12 MB guest whose {@link #load} takes seconds. For inspection tools.
     *
     * @throws MalformedException for bytes that are not a well-formed component
     * @throws InvalidException for a component whose own sections are not valid
     */
    public static ComponentDescription describe(byte[] binary) {
        Describer.Description d = PreparedComponent.describeOnly(Objects.requireNonNull(binary, "binary"));
        return new ComponentDescription(d.imports(), d.exports(), d.wit());
    }

    /** The options it was loaded with. */
    public ComponentOptions options() {
        return prepared.options();
    }

    /** The number of core modules in the component, nested components' included. */
    public int coreModuleCount() {
        return prepared.coreModuleCount();
    }

    /**
     * Compiles every core module now, so that the first instantiation does not pay for it. A no-op in
     * interpreter mode, and when already compiled. A large module that compiles in the background
     * ({@link ComponentOptions.Builder#compileInBackground}) is only started here: instances run interpreted
     * until it is done.
     */
    public Component compile() {
        prepared.compileAll();
        return this;
    }

    /**
     * Whether a core module is still compiling in the background (started by {@link #compile()} or a first
     * instance). A command that ends while this is true and wants the code cached waits with
     * {@link #compileAndWait()}: compiler threads are daemons, so the JVM's exit would drop the work.
     */
    public boolean compiling() {
        return prepared.compiling();
    }

    /**
     * {@link #compile()}, then waits until modules compiling in the background are done, so that every later
     * call runs compiled code (for benchmarks, and embedders that prefer a slow start to a slow first minute).
     * A module the compiler failed on stays interpreted; this returns then too.
     */
    public Component compileAndWait() {
        prepared.compileAllAndWait();
        return this;
    }

    /** The component's imports, with resolved types; nothing is instantiated to find them. */
    public List<ComponentExtern> imports() {
        return description().imports();
    }

    /** The component's exports, with resolved types. */
    public List<ComponentExtern> exports() {
        return description().exports();
    }

    /** The imports and exports as WIT-like text, e.g. for a command-line {@code describe}. */
    public String describe() {
        return description().wit();
    }

    private Describer.Description description() {
        Describer.Description d = description;
        if (d == null) {
            d = prepared.describe();
            description = d;
        }
        return d;
    }

    PreparedComponent prepared() {
        return prepared;
    }
}
