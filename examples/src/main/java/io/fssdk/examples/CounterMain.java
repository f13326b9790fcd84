package io.fssdk.examples;

import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.component.ComponentOptions;
import io.fssdk.runtime.component.ExecutionMode;
import io.fssdk.runtime.processor.ProcessorConfig;
import io.fssdk.api.spi.CheckpointInfo;
import io.fssdk.runtime.processor.WasmDriver;
import io.fssdk.runtime.wasi.WasiOptions;
import io.fssdk.store.rocksdb.RocksDBStateBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * mvn -q -B -pl examples exec:java -Dexec.args="--python examples/guests/python/counter.py"
 * </pre>
 *
 * <p>By default it runs the committed C counter component ({@code guests/c/counter.wasm}, on the class
 * path) in the WebAssembly sandbox; {@code --native} runs the Java counter ({@link CounterOperator}), and
 * {@code --wasm PATH} any processor component, and {@code --python FILE.py} a Python operator in the Python
 * runtime component. The native and component counters keep their counts under
 * the same keys, so either continues where the other stopped.
 *
 * <p><b>Checkpoints.</b> {@code --checkpoint-every N} takes a checkpoint every N input lines and at the
 * end, recording how many lines it covers. On start the latest checkpoint is restored and the lines it
 * covers are skipped, so after a crash (even {@code kill -9}) a rerun on the same {@code --input} file
 * continues exactly: the same counts and the same outputs as a run without the crash, the outputs picking
 * up after the last checkpoint. {@code --no-resume} starts from the live state and the first line instead.
 *
 * <p>Each line's raw bytes are the record (a line ends at {@code \n}; a {@code \r} before it is dropped):
 * nothing is decoded, so the operator decides what to do with bytes that are not UTF-8.
 *
 * <p>stdout carries the operator's records and nothing else. Errors, and the guest's own stdout and
 * stderr (each line prefixed with {@code [operator]}; {@code --quiet} hides them), go to stderr. Exit
 * codes: {@value #EXIT_OK} on success; {@value #EXIT_FAILURE} when the run failed (the operator failed
 * on a record, or the state could not be opened or written, e.g. a directory another process holds);
 * {@value #EXIT_USAGE} for a usage error (an unknown or conflicting option, or a file or directory given
 * that cannot be used: missing, unreadable, not a component or not a processor, an invalid
 * {@code config.yaml}, a bad {@code --state-dir}). Nothing is opened before the options were checked.
 */
@Command(name = "counter", showDefaultValues = true, sortOptions = false,
        description = "Counts words, one per input line, like Function Stream's counter example.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the run failed: the operator failed on a record, or the state could not be opened or written "
                    + "(e.g. another process holds the state directory)",
            "2:usage error: an unknown or conflicting option, or a file or directory given that cannot be used "
                    + "(missing, unreadable, not a processor component, an invalid config.yaml, a bad --state-dir)"})
public final class CounterMain implements Callable<Integer> {
    /** The committed C counter component, as the build puts it on the class path. */
    static final String COUNTER_COMPONENT = "/io/fssdk/examples/guests/counter.wasm";
    /** The operator's name unless {@code --config} gives one. */
    static final String DEFAULT_NAME = "counter";

    /** Exit code of a successful run. */
    static final int EXIT_OK = 0;
    /** Exit code of a failure while running. */
    static final int EXIT_FAILURE = 1;
    /** Exit code of a usage error (picocli's convention): something given cannot be used. */
    static final int EXIT_USAGE = 2;

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
            description = "A Function Stream config.yaml: its name names the operator (else the --wasm file's name, "
                    + "else counter), its init_config configures it.")
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

    @Option(names = "--mode", paramLabel = "MODE",
            description = "How a component runs: ${COMPLETION-CANDIDATES} (default: COMPILER, ours; INTERPRETER for "
                    + "--python). A large guest (a JavaScript or Python engine) starts in the interpreter while it "
                    + "compiles in the background. CHICORY_COMPILER is Chicory's own, for comparison.")
    private ExecutionMode mode;

    @Option(names = "--deadline", paramLabel = "SECONDS",
            description = "The most one call into a component may take (its start included), in seconds; "
                    + "0 for none (default: 10; 300 for --python). A large guest in the interpreter may need more "
                    + "on a busy machine.")
    private Integer deadlineSeconds;

    @Option(names = "--code-cache", paramLabel = "DIR",
            description = "Where compiled guest code is kept between runs (default: $XDG_CACHE_HOME/fssdk/code, "
                    + "else ~/.cache/fssdk/code).")
    private Path codeCache;

    @Option(names = "--no-code-cache", description = "Compile the component afresh, keeping nothing on disk.")
    private boolean noCodeCache;

    @Option(names = {"-q", "--quiet"}, description = "Hide the component's own stdout and stderr output.")
    private boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "On failure, also print the causes and stack traces.")
    private boolean verbose;

    private final InputStream stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;

    private CounterMain(InputStream stdin, PrintStream stdout, PrintStream stderr) {
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

        @Option(names = "--python", paramLabel = "FILE.py",
                description = "Run this Python operator (a Function Stream FSProcessorDriver subclass) in the "
                        + "Python runtime component instead of the C counter component.")
        Path python;
    }

    /**
     * The {@code mvn exec:java} entry point. Exits the JVM only on failure, so a successful run inside
     * Maven lets Maven finish normally.
     *
     * @param args the command line; {@code --help} lists the options
     */
    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err);
        if (code != EXIT_OK) {
            System.exit(code);
        }
    }

    /**
     * Runs the command with the given streams instead of the process's own.
     *
     * @param args the command line
     * @param in where lines are read from unless {@code --input} is given; read as raw bytes
     * @param out receives one line per emitted record, raw bytes, and {@code --help} output
     * @param err receives errors and the component's own output
     * @return the exit code: 0 on success, 1 when the run failed, 2 on a usage error
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new CounterMain(in, out, err));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return cli.execute(args);
    }

    /** Runs the counter over every input line; picocli calls it after parsing the options. */
    @Override
    public Integer call() {
        try {
            checkOptions();
            Operator op = operator();
            StateDirectory.prepare(stateDir);
            count(op);
            finishCompiling(op);
            return EXIT_OK;
        } catch (CliException e) {
            stderr.println("counter: " + e.getMessage());
            if (verbose && e.getCause() != null) {
                e.getCause().printStackTrace(stderr);
            } else if (e.getCause() != null) {
                stderr.println("counter: (--verbose shows the causes)");
            }
            return e.exitCode();
        } finally {
            stdout.flush();
        }
    }

    /** The operator to run, its name and configuration, and where its guest writes. */
    private record Operator(String name, Map<String, String> config, Driver driver, PrefixedLines guestOutput) {
    }

    /** Checks the files given before anything is loaded or opened, naming the option and the reason. */
    private void checkOptions() {
        if (checkpointEvery < 0) {
            throw CliException.usage("--checkpoint-every must be 0 or more, got " + checkpointEvery);
        }
        if (deadlineSeconds != null && deadlineSeconds < 0) {
            throw CliException.usage("--deadline must be 0 (none) or more seconds, got " + deadlineSeconds);
        }
        if (kind != null && kind.nativeOperator && mode != null) {
            throw CliException.usage("--mode applies to components; --native runs Java code");
        }
        InputFiles.checkReadable("--input", input);
        InputFiles.checkReadable("--config", config);
        InputFiles.checkReadable("--wasm", kind != null ? kind.wasm : null);
    }

    /**
     * Reads the configuration and builds the driver: the native counter, the component at {@code --wasm},
     * or by default the C counter component the build put on the class path. A component is loaded and
     * checked here, before any state is opened.
     */
    private Operator operator() {
        try {
            ProcessorConfig file = config != null ? ProcessorConfig.read(config) : null;
            String name = file != null ? file.name() : kind != null && kind.wasm != null ? baseName(kind.wasm)
                    : kind != null && kind.python != null ? baseName(kind.python)
                    : DEFAULT_NAME;
            Map<String, String> operatorConfig = new LinkedHashMap<>(file != null ? file.initConfig() : Map.of());
            if (keyPrefix != null) {
                operatorConfig.put(CounterOperator.KEY_PREFIX, keyPrefix);
            }
            if (kind != null && kind.nativeOperator) {
                return new Operator(name, operatorConfig, new CounterOperator(), null);
            }
            // The guest's stdout and stderr: on our stderr, prefixed, unless --quiet (never on stdout,
            // which carries only records).
            PrefixedLines guest = quiet ? null : new PrefixedLines(stderr, name);
            OutputStream sink = guest != null ? guest : OutputStream.nullOutputStream();
            WasmDriver.Builder b = WasmDriver.builder().operatorName(name)
                    .wasi(WasiOptions.builder().name(name).stdout(sink).stderr(sink).build());
            if (mode != null) {
                b.executionMode(mode);
            }
            if (deadlineSeconds != null) {
                b.callDeadline(Duration.ofSeconds(deadlineSeconds));
            }
            boolean compiled = mode != ExecutionMode.INTERPRETER;
            if (!noCodeCache && compiled && (kind == null || kind.python == null)) {
                // A second run of the same component skips compiling it; entries are checked on read.
                b.codeCache(codeCache != null ? codeCache : ComponentOptions.defaultCodeCacheDirectory());
            }
            if (kind != null && kind.wasm != null) {
                b.component(kind.wasm);
            } else if (kind != null && kind.python != null) {
                b.python(kind.python);
            } else {
                URL builtIn = CounterMain.class.getResource(COUNTER_COMPONENT);
                if (builtIn == null) {
                    throw CliException.failure("the counter component " + COUNTER_COMPONENT + " is not on the "
                            + "class path; build with `mvn package`, or pass --native or --wasm PATH", null);
                }
                b.component(builtIn);
            }
            return new Operator(name, operatorConfig, b.build(), guest);
        } catch (SdkException e) {
            // An invalid config.yaml, or a component that cannot be used (malformed, not a processor): all
            // are about a file the user gave.
            if (e.code() == ErrorCode.CONFIG_INVALID || e.code() == ErrorCode.RUNTIME_INVALID_DRIVER) {
                throw CliException.usage(e.getMessage(), e);
            }
            throw CliException.failure(e.getMessage(), e);
        }
    }

    /**
     * Lets a guest that is still compiling in the background finish, so that the code cache holds it for the
     * next run: compiler threads are daemons, and exiting now would drop the work (a big guest would then be
     * compiled again on every short run, and never start warm).
     */
    private void finishCompiling(Operator op) {
        if (op.driver() instanceof WasmDriver w && w.component() != null
                && w.component().options().codeCache().isPresent() && w.component().compiling()) {
            if (!quiet) {
                stderr.println("counter: finishing the compile for the code cache; the next run starts compiled");
            }
            w.component().compileAndWait();
        }
    }

    private void count(Operator op) {
        long line = 0;
        RocksDBStateBackend backend;
        try {
            backend = RocksDBStateBackend.open(stateDir);
        } catch (SdkException e) {
            throw CliException.failure("cannot open the state: " + e.detail(), e);
        }
        // Try-with-resources closes in reverse: the runner (operator, then its stores) before the backend.
        try (InputStream in = input != null ? Files.newInputStream(input) : stdin;
             RocksDBStateBackend b = backend;
             OperatorRunner runner = runner(op.name(), op.config(), op.driver(), b)) {
            CounterCheckpoints checkpoints = new CounterCheckpoints(b, checkpointEvery, runner.restoredCheckpoint());
            LineReader reader = new LineReader(in);
            try {
                runner.init();
            } catch (SdkException e) {
                throw CliException.failure("the operator failed to start, nothing was counted: " + e.getMessage(), e);
            }
            for (byte[] record = reader.next(); record != null; record = reader.next()) {
                line++;
                if (checkpoints.covered(line)) {
                    continue; // the restored checkpoint already holds this line's effect and printed its output
                }
                try {
                    runner.process(0, record);
                } catch (SdkException e) {
                    throw CliException.failure(stoppedAt(line, e), e);
                }
                if (checkpoints.due(line)) {
                    checkpoint(runner, checkpoints, line);
                } else if (!reader.ready()) {
                    stdout.flush(); // nothing more buffered: show the outputs now (interactive use)
                }
            }
            if (checkpoints.dueAtEnd(line)) {
                checkpoint(runner, checkpoints, line);
            }
        } catch (IOException e) {
            throw CliException.failure("cannot read " + (input != null ? "--input " + input : "stdin") + " after line "
                    + line + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            // Closing the operator or the state failed, or a checkpoint could not be taken.
            throw CliException.failure("after line " + line + ": " + e.getMessage(), e);
        } finally {
            if (op.guestOutput() != null) {
                op.guestOutput().drain();
            }
        }
    }

    /**
     * What a failure on line {@code n} means, for a command that stops there: the record was not completed
     * and the lines after it were not read; its state writes were discarded (a record's writes are one atomic
     * batch), and the lines before it are counted in the state directory, where a new run continues.
     */
    private String stoppedAt(long n, SdkException e) {
        return "stopped at line " + n + ": " + e.getMessage() + ". Line " + n + " was not completed (its output was "
                + "not printed; none of its state writes were kept) and the lines after it were not read. The "
                + (n - 1) + " line(s) before it are counted in " + stateDir + "; a new run continues from there.";
    }

    /** {@code misbehave} for {@code guests/c/misbehave.wasm}: the name a {@code --wasm} operator gets. */
    private static String baseName(Path wasm) {
        String file = String.valueOf(wasm.getFileName());
        int dot = file.lastIndexOf('.');
        String base = file.endsWith(".wasm") || file.endsWith(".py") ? file.substring(0, dot) : file;
        return base.isBlank() ? DEFAULT_NAME : base;
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
