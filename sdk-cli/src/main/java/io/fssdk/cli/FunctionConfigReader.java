package io.fssdk.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.processor.ProcessorConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Function Stream function configuration ({@code config.yaml}) and reports every problem at
 * once, each with the path of its field, as Function Stream's {@code docs/function-configuration.md}
 * defines the file:
 *
 * <pre>
 * name: word-counter              # required
 * type: processor                 # required; python functions do not run here
 * init_config: {key_prefix: x}    # optional, given to fs-init
 * input-groups:                   # required, at least one group with at least one input
 *   - inputs:
 *       - input-type: kafka       # the only input type Function Stream defines
 *         bootstrap_servers: "localhost:9092"
 *         topic: input-topic
 *         group_id: my-group
 *         partition: 0            # optional: without it the group balances the topic's partitions
 * outputs:                        # required, at least one
 *   - output-type: kafka
 *     bootstrap_servers: "localhost:9092"
 *     topic: output-topic
 *     partition: 0                # required by Function Stream
 * </pre>
 *
 * <p>{@code name}, {@code type} and {@code init_config} are read by {@link ProcessorConfig}, the
 * runtime's reader, so both read them the same way. Keys Function Stream uses for its own tuning
 * ({@code runtime}, {@code processor-runtime}, {@code input-selector}) and any other unknown key are
 * ignored, so Function Stream's files are read unchanged.
 */
public final class FunctionConfigReader {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** ProcessorConfig names the field it rejects in backquotes: `name`, `init_config.key`. */
    private static final Pattern QUOTED_FIELD = Pattern.compile("`([A-Za-z0-9_.\\-]+)`");
    private static final String KAFKA = "kafka";

    private FunctionConfigReader() {
    }

    /**
     * The outcome of reading a file: the configuration when there were no problems, and the problems.
     *
     * @param config the configuration, present exactly when {@code problems} is empty
     * @param problems every problem found, in file order
     */
    public record Result(Optional<FunctionConfig> config, List<ConfigProblem> problems) {
        /** Copies the list. */
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /** Reads a file (UTF-8); an unreadable file is one problem, named by the file. */
    public static Result read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Result(Optional.empty(), List.of(new ConfigProblem("",
                    "cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")")));
        }
        return parse(text, file.toString());
    }

    /**
     * Parses configuration text.
     *
     * @param source what to call the text in problems about the whole file, e.g. its file name
     */
    public static Result parse(String yaml, String source) {
        List<ConfigProblem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() != null ? " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() : "";
            return new Result(Optional.empty(), List.of(new ConfigProblem("",
                    "not valid YAML" + where + ": " + oneLine(e.getOriginalMessage()))));
        }
        if (root == null || !root.isObject()) {
            return new Result(Optional.empty(), List.of(new ConfigProblem("",
                    "expected a mapping with `name`, `type`, `input-groups` and `outputs`")));
        }
        ProcessorConfig processor = null;
        try {
            processor = ProcessorConfig.parse(yaml, source);
        } catch (SdkException e) {
            problems.add(fromProcessorConfig(e, source));
        }
        List<KafkaInput> inputs = inputs(root.get("input-groups"), problems);
        List<KafkaOutput> outputs = outputs(root.get("outputs"), problems);
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        return new Result(Optional.of(new FunctionConfig(processor, inputs, outputs)), problems);
    }

    /** Turns ProcessorConfig's "code: file: `field` is ..." into a problem at that field. */
    private static ConfigProblem fromProcessorConfig(SdkException e, String source) {
        String text = e.getMessage();
        String code = e.code().name().toLowerCase(Locale.ROOT) + ": ";
        if (text.startsWith(code)) {
            text = text.substring(code.length());
        }
        if (text.startsWith(source + ": ")) {
            text = text.substring(source.length() + 2);
        }
        Matcher m = QUOTED_FIELD.matcher(text);
        return m.find() ? new ConfigProblem(m.group(1), text) : new ConfigProblem("", text);
    }

    /**
     * SnakeYAML's messages quote the offending line with a caret under it, over several lines; the
     * location is given separately, so only the sentences are kept, on one line.
     */
    private static String oneLine(String message) {
        StringBuilder sb = new StringBuilder();
        for (String line : message.split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                sb.append(sb.length() > 0 ? "; " : "").append(line.strip());
            }
        }
        return sb.length() > 0 ? sb.toString() : message.strip();
    }

    private static List<KafkaInput> inputs(JsonNode groups, List<ConfigProblem> problems) {
        List<KafkaInput> out = new ArrayList<>();
        if (groups == null || groups.isNull()) {
            problems.add(new ConfigProblem("input-groups", "is missing; a function reads at least one input"));
            return out;
        }
        if (!groups.isArray() || groups.isEmpty()) {
            problems.add(new ConfigProblem("input-groups", "must be a non-empty list of groups"));
            return out;
        }
        for (int g = 0; g < groups.size(); g++) {
            String groupPath = "input-groups[" + g + "]";
            JsonNode inputs = groups.get(g).get("inputs");
            if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
                problems.add(new ConfigProblem(groupPath + ".inputs", "must be a non-empty list of inputs"));
                continue;
            }
            for (int i = 0; i < inputs.size(); i++) {
                String path = groupPath + ".inputs[" + i + "]";
                JsonNode in = inputs.get(i);
                if (!in.isObject()) {
                    problems.add(new ConfigProblem(path, "must be a mapping"));
                    continue;
                }
                if (!kafkaType(in, "input-type", path, problems)) {
                    continue;
                }
                String servers = text(in, "bootstrap_servers", path, problems);
                String topic = text(in, "topic", path, problems);
                String group = text(in, "group_id", path, problems);
                OptionalInt partition = partition(in, path, false, problems);
                if (servers != null && topic != null && group != null && partition != null) {
                    out.add(new KafkaInput(out.size(), path, servers, topic, group, partition));
                }
            }
        }
        return out;
    }

    private static List<KafkaOutput> outputs(JsonNode outputs, List<ConfigProblem> problems) {
        List<KafkaOutput> out = new ArrayList<>();
        if (outputs == null || outputs.isNull()) {
            problems.add(new ConfigProblem("outputs", "is missing; a function writes at least one output"));
            return out;
        }
        if (!outputs.isArray() || outputs.isEmpty()) {
            problems.add(new ConfigProblem("outputs", "must be a non-empty list of outputs"));
            return out;
        }
        for (int i = 0; i < outputs.size(); i++) {
            String path = "outputs[" + i + "]";
            JsonNode o = outputs.get(i);
            if (!o.isObject()) {
                problems.add(new ConfigProblem(path, "must be a mapping"));
                continue;
            }
            if (!kafkaType(o, "output-type", path, problems)) {
                continue;
            }
            String servers = text(o, "bootstrap_servers", path, problems);
            String topic = text(o, "topic", path, problems);
            OptionalInt partition = partition(o, path, true, problems);
            if (servers != null && topic != null && partition != null && partition.isPresent()) {
                out.add(new KafkaOutput(i, path, servers, topic, partition.getAsInt()));
            }
        }
        return out;
    }

    private static boolean kafkaType(JsonNode node, String key, String path, List<ConfigProblem> problems) {
        String type = text(node, key, path, problems);
        if (type == null) {
            return false;
        }
        if (!type.equals(KAFKA)) {
            problems.add(new ConfigProblem(path + "." + key, "is `" + type + "`, but Function Stream defines only `"
                    + KAFKA + "`"));
            return false;
        }
        return true;
    }

    /** A required non-blank scalar, as written; null after recording a problem. */
    private static String text(JsonNode node, String key, String path, List<ConfigProblem> problems) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            problems.add(new ConfigProblem(path + "." + key, "is missing"));
            return null;
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            problems.add(new ConfigProblem(path + "." + key, "must be a non-blank string"));
            return null;
        }
        return v.asText();
    }

    /** The partition: empty when absent and optional; null after recording a problem. */
    private static OptionalInt partition(JsonNode node, String path, boolean required, List<ConfigProblem> problems) {
        JsonNode v = node.get("partition");
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(new ConfigProblem(path + ".partition",
                        "is missing; Function Stream requires the partition every output record goes to"));
                return null;
            }
            return OptionalInt.empty();
        }
        if (!v.isInt() || v.asInt() < 0) {
            problems.add(new ConfigProblem(path + ".partition", "must be a partition number (0 or more), not `"
                    + v.asText() + "`"));
            return null;
        }
        return OptionalInt.of(v.asInt());
    }
}
