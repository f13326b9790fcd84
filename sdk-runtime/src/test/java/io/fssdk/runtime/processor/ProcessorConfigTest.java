package io.fssdk.runtime.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Function Stream's function {@code config.yaml}, as {@link ProcessorConfig} reads it. */
class ProcessorConfigTest {
    /** Function Stream's examples/go-processor/config.yaml, plus an init_config. */
    private static final String FUNCTION_STREAM_EXAMPLE = """
            name: "go-processor-example"
            type: processor
            input-selector: round-robin
            init_config:
              key_prefix: "demo-"
              emit_threshold: 6
              ratio: 1.50
              enabled: true
            input-groups:
              - inputs:
                  - input-type: kafka
                    bootstrap_servers: "localhost:9092"
                    topic: "input-topic"
            outputs:
              - output-type: kafka
                topic: "output-topic"
            processor-runtime:
              max-batch-size: 1000
            """;

    private static void assertInvalid(String yaml, String fragment) {
        SdkException e = assertThrows(SdkException.class, () -> ProcessorConfig.parse(yaml, "config.yaml"));
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void aFunctionStreamConfigIsReadWithUnknownKeysIgnoredAndValuesAsWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, FUNCTION_STREAM_EXAMPLE);
        ProcessorConfig c = ProcessorConfig.read(file);
        assertEquals("go-processor-example", c.name());
        assertEquals(Map.of("key_prefix", "demo-", "emit_threshold", "6", "ratio", "1.50", "enabled", "true"),
                c.initConfig());
        assertEquals(List.of("key_prefix", "emit_threshold", "ratio", "enabled"), List.copyOf(c.initConfig().keySet()),
                "file order");
    }

    @Test
    void initConfigIsOptional() {
        assertEquals(Map.of(), ProcessorConfig.parse("name: c\ntype: processor\n", "x").initConfig());
        assertEquals(Map.of(), ProcessorConfig.parse("name: c\ntype: processor\ninit_config:\n", "x").initConfig());
    }

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                Arguments.of("name: c\ntype: python\n", "`type` is `python`, but only `processor` functions"),
                Arguments.of("name: c\n", "`type` is missing"),
                Arguments.of("type: processor\n", "`name` is missing or blank"),
                Arguments.of("name: ' '\ntype: processor\n", "`name` is missing or blank"),
                Arguments.of("name: [c]\ntype: processor\n", "`name` must be a string"),
                Arguments.of("name: c\ntype: processor\ninit_config: [a, b]\n", "`init_config` must be a mapping"),
                Arguments.of("name: c\ntype: processor\ninit_config:\n  a:\n    b: c\n",
                        "`init_config.a` must be a string, number or boolean"),
                Arguments.of("name: c\ntype: processor\ninit_config:\n  a:\n",
                        "`init_config.a` must be a string, number or boolean"),
                Arguments.of("name: c\nname: d\ntype: processor\n", "not valid YAML"),
                Arguments.of("- a\n- b\n", "expected a mapping"),
                Arguments.of("", "expected a mapping"),
                Arguments.of("name: \"c\ntype: processor\n", "not valid YAML"));
    }

    @ParameterizedTest
    @MethodSource("badConfigs")
    void aBadConfigIsAConfigErrorNamingTheFileAndTheProblem(String yaml, String fragment) {
        assertInvalid(yaml, "config.yaml");
        assertInvalid(yaml, fragment);
    }

    @Test
    void aMissingFileIsAConfigError(@TempDir Path dir) {
        SdkException e = assertThrows(SdkException.class, () -> ProcessorConfig.read(dir.resolve("nope.yaml")));
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
        assertTrue(e.getMessage().endsWith("nope.yaml: no such file"), e.getMessage());
        SdkException d = assertThrows(SdkException.class, () -> ProcessorConfig.read(dir));
        assertTrue(d.getMessage().endsWith(": is a directory"), d.getMessage());
    }

    @Test
    void aSecondDocumentIsAnError() {
        // Regression: Jackson reads a YAML stream as a sequence of documents, and the second was ignored.
        assertInvalid("name: c\ntype: processor\n---\nname: d\ntype: processor\n",
                "a second YAML document follows, at line 4");
        assertEquals("c", ProcessorConfig.parse("---\nname: c\ntype: processor\n", "x").name(), "one `---` is fine");
    }

    @Test
    void aSyntaxErrorIsOneLineWithLineAndColumn() {
        // Regression: SnakeYAML's multi-line message (context, the line, a caret) was passed through whole.
        SdkException e = assertThrows(SdkException.class,
                () -> ProcessorConfig.parse("name: c\ntype: processor\ninit_config:\n  a: b: c\n", "config.yaml"));
        assertEquals("config_invalid: config.yaml:4:7: not valid YAML: mapping values are not allowed here",
                e.getMessage());
        assertTrue(e.getCause().getMessage().contains("^"), "the parser's full report stays in the cause");
    }
}
