package io.fssdk.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the real component fixtures, shared by the decoder, validator and core tests: the {@code .wasm}
 * files under this module's test resources ({@code io/fssdk/runtime/component/}) and under
 * {@code examples/guests/}, built from their sources by scripts.
 */
public final class ComponentFiles {
    private ComponentFiles() {
    }

    /** This module's component test resources: {@code src/test/resources/io/fssdk/runtime/component}. */
    public static Path resourceDir() {
        return base().resolve("src/test/resources/io/fssdk/runtime/component");
    }

    /** Every {@code .wasm} file in either place, at any depth, sorted by path; empty when none is built. */
    public static List<Path> all() {
        return Stream.of(resourceDir(), base().resolve("../examples/guests").normalize())
                .filter(Files::isDirectory)
                .flatMap(ComponentFiles::wasmFiles)
                .sorted()
                .collect(Collectors.toList());
    }

    /** The fixture's bytes. */
    public static byte[] read(Path fixture) {
        try {
            return Files.readAllBytes(fixture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path base() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    }

    private static Stream<Path> wasmFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".wasm") && Files.isRegularFile(p))
                    .collect(Collectors.toList()).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
