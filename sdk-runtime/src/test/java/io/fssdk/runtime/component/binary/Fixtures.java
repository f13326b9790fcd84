package io.fssdk.runtime.component.binary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the real component fixtures: the {@code .wasm} files under this module's test resources
 * ({@code io/fssdk/runtime/component/}) and under {@code examples/guests/}, built from their sources
 * by scripts. A file whose name contains "malformed" or "unsupported" is expected to be rejected.
 */
final class Fixtures {
    private Fixtures() {
    }

    /** Every fixture found, sorted by path; empty when none has been built yet. */
    static List<Path> all() {
        Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        return Stream.of(base.resolve("src/test/resources/io/fssdk/runtime/component"),
                        base.resolve("../examples/guests").normalize())
                .filter(Files::isDirectory)
                .flatMap(Fixtures::wasmFiles)
                .sorted()
                .collect(Collectors.toList());
    }

    /** Whether the fixture is meant to be rejected by the decoder. */
    static boolean expectRejection(Path fixture) {
        String name = fixture.getFileName().toString();
        return name.contains("malformed") || name.contains("unsupported");
    }

    /** The fixture's bytes. */
    static byte[] read(Path fixture) {
        try {
            return Files.readAllBytes(fixture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
