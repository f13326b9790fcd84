package io.fssdk.runtime.component.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.fssdk.runtime.component.binary.ComponentParser;
import io.fssdk.runtime.testing.ComponentFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every component the guest toolchains build (jco new, componentize-qjs, hand-written WAT) is valid, so
 * the validator must accept all of them: a false rejection would make a working guest unloadable.
 */
class ValidFixturesTest {

    @TestFactory
    Stream<DynamicTest> everyValidFixtureValidates() {
        return ValidationFixtures.valid().stream().map(p -> dynamicTest(ValidationFixtures.name(p),
                () -> ComponentValidator.validate(ComponentParser.parse(ComponentFiles.read(p)))));
    }

    @Test
    void fixturesWereFound() {
        List<Path> valid = ValidationFixtures.valid();
        assertFalse(valid.isEmpty(), "no fixtures under src/test/resources: run their build.sh");
    }
}
