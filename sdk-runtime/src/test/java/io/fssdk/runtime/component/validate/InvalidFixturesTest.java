package io.fssdk.runtime.component.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.binary.ComponentParser;
import io.fssdk.runtime.component.binary.ParsedComponent;
import io.fssdk.runtime.testing.ComponentFiles;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The table of invalid components: each fixture under {@code invalid/} breaks one rule (wasm-tools rejects
 * it too, see its build.sh), decodes fine, and must fail validation with the fragment its {@code .wat}
 * names, so each rule is shown to fire, and to fire for the right reason.
 */
class InvalidFixturesTest {

    @TestFactory
    Stream<DynamicTest> everyInvalidFixtureIsRejected() {
        return ValidationFixtures.invalid().stream().map(p -> dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path fixture) {
        ParsedComponent parsed = ComponentParser.parse(ComponentFiles.read(fixture));
        String expected = ValidationFixtures.expectedFragment(fixture);
        InvalidException e = assertThrows(InvalidException.class, () -> ComponentValidator.validate(parsed));
        assertTrue(e.getMessage().contains(expected), () -> "expected `" + expected + "` in: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("definition "), e.getMessage());
    }

    @Test
    void fixturesWereFound() {
        assertFalse(ValidationFixtures.invalid().isEmpty(), "no invalid fixtures: run invalid/build.sh");
    }
}
