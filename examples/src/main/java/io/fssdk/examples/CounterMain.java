package io.fssdk.examples;

import io.fssdk.api.Driver;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.store.rocksdb.RocksDBStateBackend;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * </pre>
 *
 * <p>stdout carries the operator's records and nothing else; errors go to stderr. Exit codes: 0 on
 * success, 1 when the operator or its state fails, 2 for a usage error or an operator kind that is not
 * available yet.
 */
@Command(name = "counter", showDefaultValues = true,
        description = "Counts words, one per input line, like Function Stream's counter example.")
public final class CounterMain implements Callable<Integer> {
    /** What {@code --wasm} says until the processor binding ({@code WasmDriver}) exists. */
    static final String COMPONENT_UNAVAILABLE = "component operators need the processor binding (not built yet)";

    /** Exit code of a usage error, and of an operator kind that cannot run yet (picocli's convention). */
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
            description = "Prefix of every state key (Function Stream's key_prefix config).")
    private String keyPrefix;

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

    /** Which operator to run; a nested group so picocli rejects giving both. */
    static final class OperatorKind {
        @Option(names = "--native", description = "Run the native Java counter (the default).")
        boolean nativeOperator;

        @Option(names = "--wasm", paramLabel = "PATH", description = "Run a processor component (.wasm) instead.")
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
     * @return the exit code: 0 on success, 1 on failure, 2 on a usage error or {@code --wasm}
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
        Optional<Driver> driver = driver();
        if (driver.isEmpty()) {
            stderr.println("counter: " + COMPONENT_UNAVAILABLE);
            return EXIT_USAGE;
        }
        try (Reader lines = input != null ? Files.newBufferedReader(input, StandardCharsets.UTF_8) : stdin) {
            Files.createDirectories(stateDir);
            count(driver.get(), lines);
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
     * Chooses the operator. This is the one place a component runner plugs in: once the processor binding
     * exists, {@code --wasm PATH} returns a {@code WasmDriver} for that component here, and nothing else in
     * this class changes.
     *
     * @return the operator, or empty when the requested kind cannot run yet
     */
    private Optional<Driver> driver() {
        if (kind != null && kind.wasm != null) {
            return Optional.empty();
        }
        return Optional.of(new CounterOperator());
    }

    private void count(Driver driver, Reader source) throws IOException {
        BufferedReader reader = source instanceof BufferedReader b ? b : new BufferedReader(source);
        // Try-with-resources closes in reverse: the runner (operator, then its stores) before the backend.
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(stateDir);
             OperatorRunner runner = OperatorRunner.builder()
                     .operatorName("counter")
                     .driver(driver)
                     .stateBackend(backend)
                     .config(keyPrefix == null ? Map.of() : Map.of(CounterOperator.KEY_PREFIX, keyPrefix))
                     .outputSink(this::print)
                     .build()) {
            runner.init();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                runner.process(0, line.getBytes(StandardCharsets.UTF_8));
                if (!reader.ready()) {
                    stdout.flush(); // nothing more buffered: show the outputs now (interactive use)
                }
            }
        } finally {
            stdout.flush();
        }
    }

    /** Prints one record as one line; the bytes go out raw, so the platform charset never matters. */
    private void print(int targetId, byte[] data) {
        stdout.write(data, 0, data.length);
        stdout.write('\n');
    }
}
