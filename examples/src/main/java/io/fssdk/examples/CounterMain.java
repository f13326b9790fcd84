package io.fssdk.examples;

import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.processor.ProcessorConfig;
import io.fssdk.api.spi.CheckpointInfo;
import io.fssdk.runtime.processor.WasmDriver;
import io.fssdk.store.rocksdb.RocksDBStateBackend;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The counter on the command line: every input line is one record, every emitted record is printed as
 * one line on stdout, and the counts persist in a RocksDB directory, so a second run continues them.
 *
 * <pre>
 * printf 'hello\nworld\n' | mvn -q -B -pl examples exec:java
 * mvn -q -B -pl examples exec:java -Dexec.args="--input words.txt --key-prefix demo-"
 * mvn -q -B -pl examples exec:java -Dexec.args="--native"
 * mvn -q -B -pl examples exec:java -Dexec.args="--wasm my.wasm --config examples/guests/go/config.yaml"
 * </pre>
 *
 * <p>By default it runs the committed C counter component ({@code guests/c/counter.wasm}, on the class
 * path) in the WebAssembly sandbox; {@code --native} runs the Java counter ({@link CounterOperator}), and
 * {@code --wasm PATH} any processor component. The native and component counters keep their counts under
 * the same keys, so either continues where the other stopped.
 *
 * <p><b>Checkpoints.</b> {@code --checkpoint-every N} takes a checkpoint every N input lines and at the
 * end, recording how many lines it covers. On start the latest checkpoint is restored and the lines it
 * covers are skipped, so after a crash (even {@code kill -9}) a rerun on the same {@code --input} file
 * continues exactly: the same counts and the same outputs as a run without the crash, the outputs picking
 * up after the last checkpoint. {@code --no-resume} starts from the live state and the first line instead.
 *
 * <p>stdout carries the operator's records and nothing else; errors go to stderr. Exit codes: 0 on
 * success; 2 for a usage error, an invalid {@code --config}, or a component file that cannot be read;
 * 1 for any other failure (a component that is not a processor, the operator, its state).
 */
@Command(name = "counter", showDefaultValues = true,
        description = "Counts words, one per input line, like Function Stream's counter example.")
public final class CounterMain implements Callable<Integer> {
    /** The committed C counter component, as the build puts it on the class path. */
    static final String COUNTER_COMPONENT = "/io/fssdk/examples/guests/counter.wasm";
    /** The operator's name unless {@code --config} gives one. */
    static final String DEFAULT_NAME = "counter";

    /** Exit code of a usage error, an invalid configuration or an unreadable file (picocli's convention). */
    static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;
    /** Exit code of a failure while running. */
    static final int EXIT_FAILURE = CommandLine.ExitCode.SOFTWARE;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--input", paramLabel = "FILE", description = "Read lines from FILE instead of stdin.")
    private Path input;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "state/counter",
            description = "The RocksDB directory holding the counts, relative to the working directory. "
                    + "It is created when missing.")
    private Path stateDir;

    @Option(names = "--key-prefix", paramLabel = "PREFIX",
            description = "Prefix of every state key (Function Stream's key_prefix config); overrides --config.")
    private String keyPrefix;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A Function Stream config.yaml: its name names the operator, its init_config configures it.")
    private Path config;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0",
            description = "Take a checkpoint every N input lines (and at the end), recording the line number; "
                    + "0 takes none.")
    private int checkpointEvery;

    @Option(names = "--no-resume",
            description = "Start from the live state, reading the input from its first line, instead of "
                    + "restoring the latest checkpoint and skipping the input lines it covers.")
    private boolean noResume;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private OperatorKind kind;

    private final Reader stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;

    private CounterMain(Reader stdin, PrintStream stdout, PrintStream stderr) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Which operator to run; a nested group so picocli rejects giving both. Neither: the C counter component. */
    static final class OperatorKind {
        @Option(names = "--native", description = "Run the native Java counter instead of the C counter component.")
        boolean nativeOperator;

        @Option(names = "--wasm", paramLabel = "PATH",
                description = "Run this processor component (.wasm) instead of the C counter component.")
        Path wasm;
    }

    /**
     * The {@code mvn exec:java} entry point. Exits the JVM only on failure, so a successful run inside
     * Maven lets Maven finish normally.
     *
     * @param args the command line; {@code --help} lists the options
     */
    public static void main(String[] args) {
        int code = run(args, new InputStreamReader(System.in, StandardCharsets.UTF_8), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the command with the given streams instead of the process's own.
     *
     * @param args the command line
     * @param in where lines are read from unless {@code --input} is given
     * @param out receives one line per emitted record, raw UTF-8, and {@code --help} output
     * @param err receives errors
     * @return the exit code: 0 on success, 1 on failure, 2 on a usage error or an invalid configuration
     */
    public static int run(String[] args, Reader in, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new CounterMain(in, out, err));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return cli.execute(args);
    }

    /** Runs the counter over every input line; picocli calls it after parsing the options. */
    @Override
    public Integer call() {
        String name;
        Map<String, String> operatorConfig;
        Driver driver;
        try {
            ProcessorConfig file = config != null ? ProcessorConfig.read(config) : null;
            name = file != null ? file.name() : DEFAULT_NAME;
            operatorConfig = new LinkedHashMap<>(file != null ? file.initConfig() : Map.of());
            if (keyPrefix != null) {
                operatorConfig.put(CounterOperator.KEY_PREFIX, keyPrefix);
            }
            driver = driver(name);
        } catch (SdkException e) {
            stderr.println("counter: " + e.getMessage());
            return e.code() == ErrorCode.CONFIG_INVALID ? EXIT_USAGE : EXIT_FAILURE;
        }
        try (Reader lines = input != null ? Files.newBufferedReader(input, StandardCharsets.UTF_8) : stdin) {
            Files.createDirectories(stateDir);
            count(name, operatorConfig, driver, lines);
            return 0;
        } catch (IOException | UncheckedIOException e) {
            stderr.println("counter: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return EXIT_FAILURE;
        } catch (SdkException e) {
            stderr.println("counter: " + e.getMessage());
            return EXIT_FAILURE;
        }
    }

    /**
     * Chooses the operator: the native counter, the component at {@code --wasm}, or by default the C counter
     * component the build put on the class path. A component is loaded and checked here, before any state
     * is opened.
     *
     * @throws SdkException {@code CONFIG_INVALID} for a component that cannot be read,
     *     {@code RUNTIME_INVALID_DRIVER} for one that is not a processor
     */
    private Driver driver(String name) {
        if (kind != null && kind.nativeOperator) {
            return new CounterOperator();
        }
        WasmDriver.Builder b = WasmDriver.builder().operatorName(name);
        if (kind != null && kind.wasm != null) {
            return b.component(kind.wasm).build();
        }
        URL builtIn = CounterMain.class.getResource(COUNTER_COMPONENT);
        if (builtIn == null) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "the counter component " + COUNTER_COMPONENT
                    + " is not on the class path; build with `mvn install`, or pass --native or --wasm PATH");
        }
        return b.component(builtIn).build();
    }

    private void count(String name, Map<String, String> operatorConfig, Driver driver, Reader source)
            throws IOException {
        if (checkpointEvery < 0) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "--checkpoint-every must be 0 or more, got "
                    + checkpointEvery);
        }
        BufferedReader reader = source instanceof BufferedReader b ? b : new BufferedReader(source);
        // Try-with-resources closes in reverse: the runner (operator, then its stores) before the backend.
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(stateDir);
             OperatorRunner runner = runner(name, operatorConfig, driver, backend)) {
            CounterCheckpoints checkpoints = new CounterCheckpoints(backend, checkpointEvery,
                    runner.restoredCheckpoint());
            runner.init();
            long line = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (checkpoints.covered(line)) {
                    continue; // the restored checkpoint already holds this line's effect and printed its output
                }
                runner.process(0, text.getBytes(StandardCharsets.UTF_8));
                if (checkpoints.due(line)) {
                    checkpoint(runner, checkpoints, line);
                } else if (!reader.ready()) {
                    stdout.flush(); // nothing more buffered: show the outputs now (interactive use)
                }
            }
            if (checkpoints.dueAtEnd(line)) {
                checkpoint(runner, checkpoints, line);
            }
        } finally {
            stdout.flush();
        }
    }

    /**
     * The runner, restored from the latest checkpoint unless {@code --no-resume}; says on stderr where it
     * resumes, so a user (and the crash test) can see it.
     */
    private OperatorRunner runner(String name, Map<String, String> operatorConfig, Driver driver,
            RocksDBStateBackend backend) {
        OperatorRunner.Builder b = OperatorRunner.builder()
                .operatorName(name)
                .driver(driver)
                .stateBackend(backend)
                .config(operatorConfig)
                .outputSink(this::print);
        Optional<CheckpointInfo> resume = CounterCheckpoints.resumePoint(backend, noResume);
        if (resume.isPresent()) {
            long lines = CounterCheckpoints.linesCovered(resume.get());
            b.restoreFrom(resume.get().id());
            stderr.println("counter: resuming from checkpoint " + resume.get().id() + " after input line " + lines);
        }
        return b.build();
    }

    /**
     * Checkpoints after input line {@code line}. The outputs so far are flushed first: a checkpoint says
     * "lines 1..line are done", which includes their outputs having been written.
     */
    private void checkpoint(OperatorRunner runner, CounterCheckpoints checkpoints, long line) {
        stdout.flush();
        runner.takeCheckpoint(checkpoints.nextId(), CounterCheckpoints.metadata(line));
        checkpoints.taken(line);
    }

    /** Prints one record as one line; the bytes go out raw, so the platform charset never matters. */
    private void print(int targetId, byte[] data) {
        stdout.write(data, 0, data.length);
        stdout.write('\n');
    }
}
