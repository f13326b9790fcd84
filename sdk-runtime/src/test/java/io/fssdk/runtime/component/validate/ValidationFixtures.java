package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.ComponentParser;
import io.fssdk.runtime.testing.ComponentFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sorts the component fixtures ({@link ComponentFiles}) into those that must validate and those that must
 * not. Those under {@code invalid/} carry the message fragment they must fail with in their {@code .wat}
 * source, on a line {@code ;; expect: <fragment>}.
 */
final class ValidationFixtures {
    private static final String EXPECT = ";; expect: ";

    private ValidationFixtures() {
    }

    /**
     * Every component fixture that must validate: not invalid, malformed or unsupported by name or folder
     * (and not one of the core modules that other tests keep next to the components).
     */
    static List<Path> valid() {
        return ComponentFiles.all().stream()
                .filter(p -> !rejected(p) && ComponentParser.isComponent(ComponentFiles.read(p)))
                .collect(Collectors.toList());
    }

    /** Every fixture under {@code invalid/}. */
    static List<Path> invalid() {
        return ComponentFiles.all().stream()
                .filter(p -> p.getParent().getFileName().toString().equals("invalid"))
                .collect(Collectors.toList());
    }

    /** The fragment an invalid fixture's message must contain, from its {@code .wat} source. */
    static String expectedFragment(Path wasm) {
        Path wat = wasm.resolveSibling(wasm.getFileName().toString().replaceFirst("\\.wasm$", ".wat"));
        try (Stream<String> lines = Files.lines(wat, StandardCharsets.UTF_8)) {
            Optional<String> expect = lines.filter(l -> l.startsWith(EXPECT)).findFirst();
            return expect.map(l -> l.substring(EXPECT.length()).strip())
                    .orElseThrow(() -> new IllegalStateException(wat + " has no `" + EXPECT + "` line"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short name for test reports: the path below the fixture root. */
    static String name(Path fixture) {
        Path parent = fixture.getParent();
        return parent.getFileName() + "/" + fixture.getFileName();
    }

    private static boolean rejected(Path p) {
        for (Path part : p) {
            String s = part.toString();
            if (s.contains("malformed") || s.contains("invalid") || s.contains("unsupported")) {
                return true;
            }
        }
        return false;
    }
}
