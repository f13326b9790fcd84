package io.fssdk.examples.flink;

import io.fssdk.examples.CounterOperator;
import io.fssdk.flink.DriverFactory;
import io.fssdk.flink.FlinkOperator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The counter on Apache Flink: reads words (one per line) from a file or stdin, runs the counter (by
 * default the C component, or {@code --native}, or any component with {@code --wasm}) as a Flink operator
 * on a keyed stream on a local MiniCluster, and prints the counter's JSON lines.
 *
 * <pre>
 * mvn -q -B -pl examples-flink exec:exec -Dcounter.args="--input words.txt"
 * </pre>
 *
 * <p>Words are keyed by themselves, so each word's count lives in Flink keyed state and is exact across
 * subtasks; each subtask runs its own counter, so {@code total_processed} and the rest of
 * {@code counter_map} in a line are that subtask's, and lines of different subtasks interleave.
 */
@Command(name = "flink-counter", showDefaultValues = true,
        description = "Counts words, one per input line, with the counter running as a Flink operator.")
public final class FlinkCounterMain implements Callable<Integer> {
    /** The committed C counter component, on the class path from the examples module. */
    static final String COUNTER_COMPONENT = "/io/fssdk/examples/guests/counter.wasm";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--input", paramLabel = "FILE", description = "Read lines from FILE instead of stdin.")
    Path input;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "2", description = "Flink parallelism.")
    int parallelism;

    @Option(names = "--key-prefix", paramLabel = "PREFIX", defaultValue = "",
            description = "The counter's key_prefix.")
    String keyPrefix;

    @ArgGroup(exclusive = true)
    Kind kind;

    /** Which counter runs. */
    static final class Kind {
        @Option(names = "--native", description = "Run the native Java counter instead of the C component.")
        boolean nativeCounter;

        @Option(names = "--wasm", paramLabel = "PATH", description = "Run this processor component instead.")
        Path wasm;
    }

    private PrintStream out = System.out;
    private Reader stdin;

    /** Runs the command; exits with a non-zero status on failure. */
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new FlinkCounterMain());
        int code = cli.execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        List<String> words = readWords(input == null ? stdinReader() : Files.newBufferedReader(input));
        for (String line : run(words, counter(), parallelism)) {
            out.println(line);
        }
        out.flush();
        return 0;
    }

    /**
     * Runs {@code operator} over {@code words} on a local Flink environment at this parallelism, keyed by
     * word, and returns its output lines in the order they arrived.
     */
    static List<String> run(List<String> words, FlinkOperator operator, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        DataStream<byte[]> records = env.fromData(words)
                .map(w -> w.getBytes(StandardCharsets.UTF_8)).returns(FlinkOperator.BYTES);
        DataStream<byte[]> counts = operator.applyTo(records.keyBy(b -> new String(b, StandardCharsets.UTF_8)));
        List<String> lines = new ArrayList<>();
        CloseableIterator<byte[]> it = counts.executeAndCollect("counter on flink");
        try {
            it.forEachRemaining(b -> lines.add(new String(b, StandardCharsets.UTF_8)));
        } finally {
            it.close();
        }
        return lines;
    }

    private FlinkOperator counter() throws IOException {
        DriverFactory driver;
        if (kind != null && kind.nativeCounter) {
            driver = CounterOperator::new;
        } else if (kind != null && kind.wasm != null) {
            driver = DriverFactory.wasm(kind.wasm);
        } else {
            try (InputStream in = FlinkCounterMain.class.getResourceAsStream(COUNTER_COMPONENT)) {
                if (in == null) {
                    throw new IllegalStateException(COUNTER_COMPONENT + " is not on the class path; pass --native or --wasm");
                }
                driver = DriverFactory.wasm(in.readAllBytes());
            }
        }
        return FlinkOperator.builder().operatorName("counter").driver(driver)
                .config(CounterOperator.KEY_PREFIX, keyPrefix).build();
    }

    /**
     * The input's words: lines trimmed of ASCII whitespace as the counter trims them, empty ones dropped,
     * so the Flink key is exactly the word the counter counts.
     */
    static List<String> readWords(Reader reader) {
        List<String> words = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(reader)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String w = trimAsciiWhitespace(line);
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static String trimAsciiWhitespace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isAsciiSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private Reader stdinReader() {
        return stdin != null ? stdin : new InputStreamReader(System.in, StandardCharsets.UTF_8);
    }

    /** For tests: where lines go and what stdin is. */
    FlinkCounterMain withStreams(Reader in, PrintStream output) {
        this.stdin = in;
        this.out = output;
        return this;
    }
}
