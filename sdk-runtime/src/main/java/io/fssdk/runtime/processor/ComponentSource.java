package io.fssdk.runtime.processor;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentException;
import io.fssdk.runtime.component.ComponentOptions;
import io.fssdk.runtime.component.ExecutionMode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a {@link WasmDriver}'s component comes from, and how it is loaded: read (a file, a URL, a
 * class-path resource), or given (bytes, an already loaded {@link Component}). Also supplies the default
 * operator name: the file name without {@code .wasm}.
 */
final class ComponentSource {
    /** Reads the binary; throws IOException for sources that can fail. */
    @FunctionalInterface
    private interface Reader {
        byte[] read() throws IOException;
    }

    /** Why a read failed, in words; by default the exception's message. */
    @FunctionalInterface
    private interface Reason {
        String of(IOException e);
    }

    private final String description;
    private final String defaultName;
    private final Reader reader;
    private final Reason reason;
    private final Component loaded;

    private ComponentSource(String description, String defaultName, Reader reader, Component loaded) {
        this(description, defaultName, reader, e -> String.valueOf(e.getMessage()), loaded);
    }

    private ComponentSource(String description, String defaultName, Reader reader, Reason reason,
            Component loaded) {
        this.description = description;
        this.defaultName = defaultName;
        this.reader = reader;
        this.reason = reason;
        this.loaded = loaded;
    }

    static ComponentSource of(Path path) {
        return new ComponentSource("file " + path, nameOf(String.valueOf(path.getFileName())),
                () -> Files.readAllBytes(path), e -> FileReasons.whyUnreadable(path, e), null);
    }

    static ComponentSource of(byte[] binary) {
        byte[] copy = binary.clone();
        return new ComponentSource("the given bytes", "wasm", () -> copy, null);
    }

    static ComponentSource of(URL url) {
        return new ComponentSource("url " + url, nameOf(url.getPath()), () -> {
            try (InputStream in = url.openStream()) {
                return in.readAllBytes();
            }
        }, null);
    }

    static ComponentSource of(Component component) {
        return new ComponentSource("the given component", "wasm", null, component);
    }

    static ComponentSource resource(String name) {
        String absolute = name.startsWith("/") ? name.substring(1) : name;
        return new ComponentSource("class-path resource " + absolute, nameOf(absolute), () -> {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            URL url = context != null ? context.getResource(absolute) : null;
            if (url == null) {
                url = ComponentSource.class.getClassLoader().getResource(absolute);
            }
            if (url == null) {
                throw new IOException("not found");
            }
            try (InputStream in = url.openStream()) {
                return in.readAllBytes();
            }
        }, null);
    }

    /** {@code counter} for {@code .../counter.wasm}. */
    private static String nameOf(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        String base = file.endsWith(".wasm") ? file.substring(0, file.length() - 5) : file;
        return base.isBlank() ? "wasm" : base;
    }

    /** Whether this is the Python runtime component of {@link WasmDriver.Builder#python}. */
    boolean isPythonRuntime() {
        return description.equals("class-path resource " + WasmDriver.PYTHON_RUNTIME_RESOURCE);
    }

    /** Whether the component comes already loaded (its options cannot change). */
    boolean isLoaded() {
        return loaded != null;
    }

    String defaultName() {
        return defaultName;
    }

    /**
     * Loads the component.
     *
     * @param mode the execution mode, or {@code null} for the engine's default
     * @param maxMemoryBytes the memory cap, or {@code null} for {@link WasmDriver.Builder#DEFAULT_MAX_MEMORY_MIB}
     * @param codeCache where compiled code is kept between JVMs, or {@code null} for nowhere
     * @param maxFuel the per-call fuel budget in steps, 0 for none
     * @param maxGcBytes the cap on each core instance's GC objects in bytes, 0 for the engine's default
     * @throws SdkException {@code CONFIG_INVALID} for a cap outside 64 KiB..2 GiB (less one page), a fuel budget
     *     for a mode that cannot meter it, options given for an already loaded component, or a source that
     *     cannot be read; {@code RUNTIME_INVALID_DRIVER} for bytes that are not a valid component
     */
    Component load(ExecutionMode mode, Long maxMemoryBytes, Path codeCache, long maxFuel, long maxGcBytes,
            String operator) {
        long most = 65536L * ComponentOptions.MAX_PAGES;
        if (maxMemoryBytes != null && (maxMemoryBytes < 65536 || maxMemoryBytes > most)) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "memory cap must be between 64 KiB and "
                    + most + " bytes (2 GiB less one page, the most this engine holds), got "
                    + maxMemoryBytes + " bytes", operator, null, null);
        }
        if (loaded != null) {
            if (mode != null || maxMemoryBytes != null || codeCache != null || maxFuel != 0
                    || maxGcBytes != 0) {
                throw new SdkException(ErrorCode.CONFIG_INVALID, "the execution mode, memory cap, code cache, fuel and GC cap "
                        + "of an already loaded component are fixed by its ComponentOptions; set them when loading it",
                        operator, null, null);
            }
            return loaded;
        }
        ComponentOptions.Builder options = ComponentOptions.builder().name(operator).maxMemoryBytes(maxMemoryBytes != null
                ? maxMemoryBytes : WasmDriver.Builder.DEFAULT_MAX_MEMORY_MIB * 1024L * 1024);
        if (mode != null) {
            options.executionMode(mode);
        }
        if (codeCache != null) {
            options.codeCache(codeCache);
        }
        ComponentOptions built;
        try {
            if (maxGcBytes != 0) {
                options.maxGcBytes(maxGcBytes);
            }
            built = options.maxFuel(maxFuel).build();
        } catch (IllegalArgumentException e) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, e.getMessage(), operator, null, e);
        }
        byte[] binary;
        try {
            binary = Objects.requireNonNull(reader.read());
        } catch (IOException e) {
            String hint = isPythonRuntime() ? " (the Python runtime ships in artifact io.fssdk:sdk-python-runtime; "
                    + "add it to the class path)" : "";
            throw new SdkException(ErrorCode.CONFIG_INVALID, "cannot read the component from " + description + ": "
                    + reason.of(e) + hint, operator, null, e);
        }
        try {
            return Component.load(binary, built);
        } catch (ComponentException e) {
            throw new SdkException(ErrorCode.RUNTIME_INVALID_DRIVER, "cannot load the component from " + description
                    + ": " + e.getMessage(), operator, null, e);
        }
    }
}
