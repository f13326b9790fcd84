package io.fssdk.runtime.wasi;

import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentOptions;
import io.fssdk.runtime.component.ExecutionMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads the committed WASI fixtures next to these tests, each parsed (and compiled) once per run. */
final class Fixtures {
    private static final Map<String, Component> CACHE = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Component load(String name) {
        return CACHE.computeIfAbsent(name, n -> Component.load(bytes(n)));
    }

    static Component interpreted(String name) {
        return CACHE.computeIfAbsent(name + "#interpreter", n -> Component.load(bytes(name),
                ComponentOptions.builder().executionMode(ExecutionMode.INTERPRETER).build()));
    }
}
