package io.fssdk.runtime.processor;

import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed processor guests these tests run ({@code misbehave.wasm}, {@code misbehave-max.wasm},
 * {@code store-checks.wasm}, {@code counter.wasm}). They are looked up on the test class path first
 * ({@code io/fssdk/runtime/processor/}), then in {@code ../examples/guests/c/}, where they are built, so
 * the tests pass wherever the fixtures live. Each is read once per run.
 */
final class GuestFixtures {
    private static final Path EXAMPLES = Path.of("..", "examples", "guests", "c");
    private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();
    private static final Map<String, Component> LOADED = new ConcurrentHashMap<>();

    private GuestFixtures() {
    }

    /** The binary of guest {@code name}, e.g. {@code misbehave.wasm}. */
    static byte[] bytes(String name) {
        return BYTES.computeIfAbsent(name, GuestFixtures::read).clone();
    }

    /** The guest loaded with the engine's defaults and compiled once, shared by tests that set no limits. */
    static Component component(String name) {
        return LOADED.computeIfAbsent(name, n -> Component.load(bytes(n)).compile());
    }

    /** The guest loaded with {@code options} (not cached: limits differ per test). */
    static Component component(String name, ComponentOptions options) {
        return Component.load(bytes(name), options);
    }

    private static byte[] read(String name) {
        try (InputStream in = GuestFixtures.class.getResourceAsStream(name)) {
            if (in != null) {
                return in.readAllBytes();
            }
            Path file = EXAMPLES.resolve(name);
            if (Files.isRegularFile(file)) {
                return Files.readAllBytes(file);
            }
            throw new IllegalStateException("guest fixture " + name + " is neither on the class path (io/fssdk/"
                    + "runtime/processor/) nor in " + EXAMPLES.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
