package io.fssdk.cli;

import io.fssdk.api.SdkException;
import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentOptions;
import io.fssdk.runtime.component.ComponentDescription;
import io.fssdk.runtime.component.ComponentException;
import io.fssdk.runtime.component.ComponentExtern;
import io.fssdk.runtime.processor.WasmDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A component file, described and compared with Function Stream's {@code processor} world
 * ({@code functionstream:core@0.1.0}) without running any of its code: its exports (by name, and by
 * type through {@link WasmDriver}'s own check), and its imports against what the processor host
 * provides (the world's {@code kv} and {@code collector}, and WASI 0.2). Describing parses and validates
 * only the component's own sections ({@link Component#describe(byte[])}), which keeps {@code inspect}
 * fast on a 12 MB guest; {@link #load()} loads the whole component (its core modules too) for
 * {@code run} and {@code validate}.
 *
 * @param path the file
 * @param sizeBytes its size
 * @param layout its core modules
 * @param bytes the file's contents
 * @param description its imports and exports
 * @param missing what the processor world needs and the component lacks, or has with another type;
 *     empty when it matches
 * @param notes exports the world has and the component leaves out, which behave like the defaults
 */
record ComponentCheck(Path path, long sizeBytes, ComponentLayout layout, byte[] bytes,
        ComponentDescription description, List<String> missing, List<String> notes) {
    /** The world's exports, in WIT order; only {@code fs-process} is required. */
    static final List<String> WORLD_EXPORTS = List.of("fs-init", "fs-process", "fs-process-watermark",
            "fs-take-checkpoint", "fs-check-heartbeat", "fs-close", "fs-exec", "fs-custom");
    static final String REQUIRED_EXPORT = "fs-process";
    /** Interfaces the processor host defines: the world's two, and the WASI 0.2 host's packages. */
    private static final Pattern PROVIDED = Pattern.compile(
            "functionstream:core/(kv|collector)@0\\.1\\.\\d+.*"
                    + "|wasi:(cli|clocks|filesystem|io|random|sockets)/[a-z-]+@0\\.2\\.\\d+.*");

    ComponentCheck {
        Objects.requireNonNull(path, "path");
        missing = List.copyOf(missing);
        notes = List.copyOf(notes);
    }

    /** Whether the component can run as a processor. */
    boolean matchesProcessorWorld() {
        return missing.isEmpty();
    }

    /**
     * Loads and checks a component file.
     *
     * @throws CliException {@link ExitCodes#COMPONENT_INVALID} for a missing or unreadable file, one that
     *     is not a component (a core module, not WebAssembly), or one the engine rejects as malformed or
     *     invalid; the message names the file
     */
    static ComponentCheck of(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.COMPONENT_INVALID, "component " + path + " does not exist", e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.COMPONENT_INVALID, "cannot read component " + path + ": " + e, e);
        }
        ComponentLayout layout;
        try {
            layout = ComponentLayout.of(bytes);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.COMPONENT_INVALID, "component " + path + " is malformed: "
                    + e.getMessage(), e);
        }
        if (layout.kind() == ComponentLayout.Kind.NOT_WASM) {
            throw new CliException(ExitCodes.COMPONENT_INVALID, path + " is not WebAssembly (no `\\0asm` header)");
        }
        if (layout.kind() == ComponentLayout.Kind.CORE_MODULE) {
            throw new CliException(ExitCodes.COMPONENT_INVALID, path + " is a core WebAssembly module, not a "
                    + "component; wrap it with `wasm-tools component new` (or `jco new`)");
        }
        ComponentDescription description;
        try {
            description = Component.describe(bytes);
        } catch (ComponentException e) {
            throw new CliException(ExitCodes.COMPONENT_INVALID, "component " + path + " is not valid: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            // The engine's own errors are ComponentExceptions; anything else is a bug, but still this file's.
            throw new CliException(ExitCodes.COMPONENT_INVALID, "component " + path + " cannot be loaded: " + e, e);
        }
        List<String> missing = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> exports = description.exports().stream().map(ComponentExtern::name).collect(Collectors.toSet());
        for (String name : WORLD_EXPORTS) {
            if (!exports.contains(name)) {
                if (name.equals(REQUIRED_EXPORT)) {
                    missing.add("export `" + name + "`");
                } else {
                    notes.add("export `" + name + "` is absent: the default behaviour applies");
                }
            }
        }
        if (missing.isEmpty()) {
            try {
                WasmDriver.checkProcessorExports(description.exports());
            } catch (SdkException e) {
                String code = e.code().name().toLowerCase(Locale.ROOT) + ": ";
                missing.add(e.getMessage().startsWith(code) ? e.getMessage().substring(code.length()) : e.getMessage());
            }
        }
        for (ComponentExtern i : description.imports()) {
            if (!PROVIDED.matcher(i.name()).matches()) {
                missing.add("import `" + i.name() + "` (the processor host provides functionstream:core/kv and "
                        + "collector @0.1.x and WASI 0.2; --stub-unknown-imports makes it trap when called)");
            }
        }
        return new ComponentCheck(path, bytes.length, layout, bytes, description, missing, notes);
    }

    /**
     * Loads the whole component: parses (and checks) its core modules too, which {@code describe} skips.
     *
     * @throws CliException {@link ExitCodes#COMPONENT_INVALID} when a core module is malformed or invalid
     */
    Component load() {
        return load(ComponentOptions.defaults());
    }

    /** {@link #load()} with {@code options} (a code cache, say). */
    Component load(ComponentOptions options) {
        try {
            return Component.load(bytes, options);
        } catch (RuntimeException e) {
            throw new CliException(ExitCodes.COMPONENT_INVALID, "component " + path + " cannot be loaded: "
                    + e.getMessage(), e);
        }
    }
}
