package io.fssdk.runtime.processor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The part of Function Stream's function configuration file ({@code config.yaml}) that runs a processor
 * here: its {@code name}, and the {@code init_config} map given to {@code fs-init}.
 *
 * <pre>
 * name: "word-counter"
 * type: processor
 * init_config:
 *   key_prefix: "demo-"
 * input-groups: ...        # ignored, like every other key
 * </pre>
 *
 * <p>{@code name} is required and must not be blank. {@code type} is required and must be
 * {@code processor}: Function Stream also has {@code python}, {@code source} and {@code sink} functions,
 * which this runtime cannot run. {@code init_config} is optional; its values must be scalars and are
 * taken as written ({@code threshold: 1.50} gives {@code "1.50"}), in file order. Unknown keys are
 * ignored, so Function Stream's files (inputs, outputs, runtime tuning) are read unchanged. A key given
 * twice is an error.
 *
 * @param name the function's name, used as the operator's name
 * @param initConfig the configuration passed to {@code fs-init}, immutable and in file order
 */
public record ProcessorConfig(String name, Map<String, String> initConfig) {
    /** The only {@code type} this runtime runs. */
    public static final String PROCESSOR_TYPE = "processor";

    private static final YAMLFactory YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build()
            .getFactory();

    /** Copies the map (keeping its order) and rejects nulls and a blank name. */
    public ProcessorConfig {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        Objects.requireNonNull(initConfig, "initConfig").forEach((k, v) ->
                copy.put(Objects.requireNonNull(k, "init_config key"), Objects.requireNonNull(v, "init_config value")));
        initConfig = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads a configuration file (UTF-8).
     *
     * @throws SdkException {@code CONFIG_INVALID} when the file cannot be read or is not a valid processor
     *     configuration; the message names the file
     */
    public static ProcessorConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "cannot read " + file + ": "
                    + FileReasons.whyUnreadable(file, e), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses configuration text.
     *
     * @param source what to call the text in messages, e.g. its file name
     * @throws SdkException {@code CONFIG_INVALID} when it is not a valid processor configuration
     */
    public static ProcessorConfig parse(String yaml, String source) {
        Objects.requireNonNull(yaml, "yaml");
        try (JsonParser p = YAML.createParser(yaml)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(source, "expected a mapping with `name` and `type`");
            }
            String name = null;
            String type = null;
            Map<String, String> init = new LinkedHashMap<>();
            for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                JsonToken value = p.nextToken();
                switch (key) {
                    case "name" -> name = scalar(p, value, source, "name");
                    case "type" -> type = scalar(p, value, source, "type");
                    case "init_config" -> readInitConfig(p, value, source, init);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                // Jackson reads a YAML stream as a sequence of root values: a second `---` document would
                // otherwise be ignored silently, though Function Stream reads only the first.
                throw invalid(source, "a second YAML document follows, at line " + p.currentTokenLocation().getLineNr()
                        + "; a function configuration is one document");
            }
            if (name == null || name.isBlank()) {
                throw invalid(source, "`name` is missing or blank");
            }
            if (type == null) {
                throw invalid(source, "`type` is missing; a processor has `type: " + PROCESSOR_TYPE + "`");
            }
            if (!type.equals(PROCESSOR_TYPE)) {
                throw invalid(source, "`type` is `" + type + "`, but only `" + PROCESSOR_TYPE
                        + "` functions (WebAssembly components of the processor world) run here");
            }
            return new ProcessorConfig(name, init);
        } catch (JsonProcessingException e) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, syntaxError(source, e), e);
        } catch (IOException e) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "cannot parse " + source + ": " + e, e);
        }
    }

    private static void readInitConfig(JsonParser p, JsonToken token, String source, Map<String, String> out)
            throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return; // `init_config:` with nothing under it: no configuration
        }
        if (token != JsonToken.START_OBJECT) {
            throw invalid(source, "`init_config` must be a mapping of names to values");
        }
        for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
            out.put(key, scalar(p, p.nextToken(), source, "init_config." + key));
        }
    }

    /** The scalar's text as written in the file (YAML numbers and booleans keep their spelling). */
    private static String scalar(JsonParser p, JsonToken token, String source, String what) throws IOException {
        if (token == null || !token.isScalarValue() || token == JsonToken.VALUE_NULL) {
            throw invalid(source, "`" + what + "` must be a string, number or boolean");
        }
        return p.getText();
    }

    /**
     * A YAML syntax error in one line: {@code source:line:column: problem}. The parser's own message spans
     * several lines (the offending line and a caret under it); it stays in the cause.
     */
    static String syntaxError(String source, JsonProcessingException e) {
        String m = e.getOriginalMessage() != null ? e.getOriginalMessage().strip() : e.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        String first = nl < 0 ? m : m.substring(0, nl).strip();
        JsonLocation at = e.getLocation();
        String where = at != null && at.getLineNr() > 0 ? ":" + at.getLineNr() + ":" + at.getColumnNr() : "";
        return source + where + ": not valid YAML: " + first;
    }

    private static SdkException invalid(String source, String why) {
        return new SdkException(ErrorCode.CONFIG_INVALID, source + ": " + why);
    }
}
