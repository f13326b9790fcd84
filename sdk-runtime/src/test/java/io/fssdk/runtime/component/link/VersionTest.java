package io.fssdk.runtime.component.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Semantic versions of interface names: parsing, ordering and the compatibility the linker matches by. */
class VersionTest {
    @Test
    void parsesEveryPartAndKeepsTheSuffix() {
        assertEquals(Optional.of(new Version(0, 2, 12, "")), Version.parse("0.2.12"));
        assertEquals(Optional.of(new Version(1, 0, 0, "-rc.1+build.5")), Version.parse("1.0.0-rc.1+build.5"));
        assertEquals(Optional.of(new Version(3, 4, 5, "+meta")), Version.parse("3.4.5+meta"));
    }

    @ParameterizedTest(name = "`{0}` is not a version")
    @ValueSource(strings = {"", "1", "1.2", "1.2.3.4", "01.2.3", "1.02.3", "1..3", "a.b.c", "1.2.x", "-1.2.3",
        "1234567890123456789.0.0"})
    void rejectsWhatIsNotAVersion(String text) {
        assertEquals(Optional.empty(), Version.parse(text));
    }

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
        "1.2.3, 1.9.0, true", "1.2.3, 2.0.0, false", "0.2.0, 0.2.9, true", "0.2.0, 0.3.0, false",
        "0.0.1, 0.0.1, true", "0.0.1, 0.0.2, false", "1.0.0-rc1, 1.0.0, false", "1.0.0-rc1, 1.0.0-rc1, true"})
    void compatibility(String a, String b, boolean expected) {
        assertEquals(expected, Version.parse(a).orElseThrow().compatibleWith(Version.parse(b).orElseThrow()));
        assertEquals(expected, Version.parse(b).orElseThrow().compatibleWith(Version.parse(a).orElseThrow()),
                "compatibility is symmetric");
    }

    @Test
    void ordersByMajorMinorPatch() {
        List<Version> sorted = List.of("0.2.12", "0.2.2", "1.0.0", "0.10.0").stream()
                .map(v -> Version.parse(v).orElseThrow()).sorted().toList();
        assertEquals(List.of("0.2.2", "0.2.12", "0.10.0", "1.0.0"),
                sorted.stream().map(v -> v.major() + "." + v.minor() + "." + v.patch()).toList());
        assertTrue(Version.parse("2.0.0").orElseThrow().compareTo(Version.parse("1.99.99").orElseThrow()) > 0);
    }
}
