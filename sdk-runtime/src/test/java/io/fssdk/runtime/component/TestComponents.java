package io.fssdk.runtime.component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the committed component fixtures next to these tests, each parsed (and compiled) once per run. A
 * name is relative to this package's resources, or absolute with a leading {@code /} (as the WASI tests
 * load theirs).
 */
public final class TestComponents {
    private static final Map<String, Component> CACHE = new ConcurrentHashMap<>();

    private TestComponents() {
    }

    /** The raw bytes of fixture {@code name} (e.g. "primitives.wasm"). */
    public static byte[] bytes(String name) {
        try (InputStream in = TestComponents.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture loaded with the default options (our compiler). */
    public static Component load(String name) {
        return CACHE.computeIfAbsent(name, n -> Component.load(bytes(n)));
    }

    /** The fixture loaded for Chicory's compiler. */
    public static Component chicoryCompiled(String name) {
        return CACHE.computeIfAbsent(name + "#chicory", n -> Component.load(bytes(name),
                ComponentOptions.builder().executionMode(ExecutionMode.CHICORY_COMPILER).build()));
    }

    /** The fixture loaded for Chicory's interpreter. */
    public static Component interpreted(String name) {
        return CACHE.computeIfAbsent(name + "#interpreter", n -> Component.load(bytes(name),
                ComponentOptions.builder().executionMode(ExecutionMode.INTERPRETER).build()));
    }
}
