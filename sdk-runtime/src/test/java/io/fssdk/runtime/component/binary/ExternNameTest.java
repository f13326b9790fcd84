package io.fssdk.runtime.component.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExternNameTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("run", new ExternName.Plain("run")),
                Arguments.of("get-JSON", new ExternName.Plain("get-JSON")),
                Arguments.of("a1-2-3", new ExternName.Plain("a1-2-3")),
                Arguments.of("A11-4CR0NYMS", new ExternName.Plain("A11-4CR0NYMS")),
                Arguments.of("[constructor]store", new ExternName.Constructor("store")),
                Arguments.of("[method]store.get-state", new ExternName.Method("store", "get-state")),
                Arguments.of("[static]output-stream.new", new ExternName.Static("output-stream", "new")),
                Arguments.of("wasi:io/streams@0.2.0",
                        new ExternName.Interface("wasi", "io", "streams", Optional.of("0.2.0"))),
                Arguments.of("functionstream:core/kv@0.1.0",
                        new ExternName.Interface("functionstream", "core", "kv", Optional.of("0.1.0"))),
                Arguments.of("my-ns:my-pkg/HTTP-handler",
                        new ExternName.Interface("my-ns", "my-pkg", "HTTP-handler", Optional.empty())),
                Arguments.of("wasi:http/types@0.2.10-rc.1+build.5",
                        new ExternName.Interface("wasi", "http", "types", Optional.of("0.2.10-rc.1+build.5"))),
                Arguments.of("wasi:cli/run@0.2", new ExternName.Interface("wasi", "cli", "run", Optional.of("0.2"))));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parsesAndPrintsBack(String text, ExternName expected) {
        ExternName name = ExternName.parse(text);
        assertEquals(expected, name);
        assertEquals(text, name.text());
        assertEquals(text, name.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "-a", "a-", "a--b", "1a", "aB", "a_b", "a b", "é",
        "[constructor]", "[constructor]Store.x", "[method]store", "[method]store.", "[static].x",
        "[resource-drop]store", "[unknown]x",
        "wasi:io", "wasi:io/", ":io/streams", "Wasi:io/streams", "wasi:IO/streams", "wasi:io/streams@",
        "wasi:io/streams@1.2.3.4", "wasi:io/streams@01.2.3", "wasi:io/streams@1.2.3-",
        "wasi:io/streams@1.2.3-01", "wasi:io/streams@1.2.3+", "wasi:io/streams@0.0", "a@b:c"})
    void rejectsInvalidNames(String text) {
        assertThrows(IllegalArgumentException.class, () -> ExternName.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[async]f", "[async method]r.m", "locked-dep=<a:b>", "a:b:c/d", "a:b/c/d"})
    void spotsGatedNames(String text) {
        assertEquals(true, ExternNameParser.gate(text).isPresent());
    }
}
