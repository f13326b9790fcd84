package io.fssdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fssdk validate}: every problem on its own line, with the field's path. */
class ValidateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void theCounterConfigAndComponentAreValid() {
        Cli.Result r = Cli.run("validate", "--config", Cli.COUNTER_CONFIG.toString(), "--wasm",
                Cli.COUNTER_WASM.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("ok: word-counter, 1 input(s), 1 output(s), component " + Cli.COUNTER_WASM + "\n", r.out());
    }

    @Test
    void functionStreamsOwnExampleConfigsAreRead() throws IOException {
        // Function Stream's go-processor example, with its runtime tuning keys, which fssdk ignores.
        Path f = Files.writeString(tmp.resolve("config.yaml"), """
                name: "go-processor-example"
                type: processor
                input-selector: round-robin
                input-groups:
                  - inputs:
                      - input-type: kafka
                        bootstrap_servers: "localhost:9092"
                        topic: "input-topic"
                        partition: 0
                        group_id: "go-processor-group"
                        runtime:
                          channel-capacity: 10000
                      - input-type: kafka
                        bootstrap_servers: "localhost:9092"
                        topic: "second-topic"
                        group_id: "go-processor-group"
                  - inputs:
                      - input-type: kafka
                        bootstrap_servers: "localhost:9092"
                        topic: "third-topic"
                        group_id: "g3"
                outputs:
                  - output-type: kafka
                    bootstrap_servers: "localhost:9092"
                    topic: "output-topic"
                    partition: 0
                processor-runtime:
                  max-batch-size: 1000
                """);
        FunctionConfig c = FunctionConfigReader.read(f).config().orElseThrow();
        assertEquals(3, c.inputs().size());
        assertEquals("third-topic", c.inputs().get(2).topic());
        assertEquals(2, c.inputs().get(2).sourceId()); // numbered across groups, in file order
        assertEquals("input-groups[1].inputs[0]", c.inputs().get(2).path());
        assertEquals(false, c.inputs().get(1).partition().isPresent());
        assertEquals(0, c.outputs().get(0).partition());
    }

    @Test
    void reportsEveryProblemOnItsOwnLineWithItsPath() throws IOException {
        Path f = Files.writeString(tmp.resolve("bad.yaml"), """
                name: bad
                type: processor
                input-groups:
                  - inputs:
                      - input-type: kafka
                        bootstrap_servers: "localhost:9092"
                        partition: -1
                  - inputs:
                      - input-type: pulsar
                outputs:
                  - output-type: kafka
                    topic: out
                """);
        Cli.Result r = Cli.run("validate", "--config", f.toString());
        assertEquals(ExitCodes.CONFIG_INVALID, r.exitCode());
        assertEquals(f + ": input-groups[0].inputs[0].topic: is missing\n"
                + f + ": input-groups[0].inputs[0].group_id: is missing\n"
                + f + ": input-groups[0].inputs[0].partition: must be a partition number (0 or more), not `-1`\n"
                + f + ": input-groups[1].inputs[0].input-type: is `pulsar`, but Function Stream defines only `kafka`\n"
                + f + ": outputs[0].bootstrap_servers: is missing\n"
                + f + ": outputs[0].partition: is missing; Function Stream requires the partition every output "
                + "record goes to\n", r.out());
    }

    @Test
    void reportsTheProcessorPartTheRuntimeReaderRejectsAtItsField() throws IOException {
        Path f = Files.writeString(tmp.resolve("python.yaml"), """
                name: py
                type: python
                init_config:
                  nested: {a: 1}
                """);
        Cli.Result r = Cli.run("validate", "--config", f.toString());
        assertEquals(ExitCodes.CONFIG_INVALID, r.exitCode());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, r.out());
        assertEquals(f + ": init_config.nested: `init_config.nested` must be a string, number or boolean", lines[0]);
        assertEquals(f + ": input-groups: is missing; a function reads at least one input", lines[1]);
        assertEquals(f + ": outputs: is missing; a function writes at least one output", lines[2]);
    }

    @Test
    void notYamlAndAMissingFileAreOneProblemEach() throws IOException {
        Path f = Files.writeString(tmp.resolve("broken.yaml"), "name: [unclosed\n");
        Cli.Result r = Cli.run("validate", "--config", f.toString());
        assertEquals(ExitCodes.CONFIG_INVALID, r.exitCode());
        assertEquals(1, r.out().lines().count(), r.out());
        assertEquals(f + ": not valid YAML at line 1, column 16: while parsing a flow sequence; expected ',' or ']', "
                + "but got <stream end>\n", r.out());

        Cli.Result missing = Cli.run("validate", "--config", tmp.resolve("none.yaml").toString());
        assertEquals(ExitCodes.CONFIG_INVALID, missing.exitCode());
        assertEquals(true, missing.out().startsWith(tmp.resolve("none.yaml") + ": cannot read the file (NoSuchFileException"),
                missing.out());
    }

    @Test
    void reportsAComponentOfAnotherWorld() {
        Path other = Cli.ROOT.resolve("sdk-runtime/src/test/resources/io/fssdk/runtime/component/strings.wasm");
        Cli.Result r = Cli.run("validate", "--config", Cli.COUNTER_CONFIG.toString(), "--wasm", other.toString());
        assertEquals(ExitCodes.COMPONENT_INVALID, r.exitCode());
        assertEquals(other + ": missing export `fs-process`\n", r.out());
    }
}
