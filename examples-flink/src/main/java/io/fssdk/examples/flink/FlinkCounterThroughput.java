package io.fssdk.examples.flink;

import io.fssdk.examples.CounterOperator;
import io.fssdk.flink.DriverFactory;
import io.fssdk.flink.FlinkOperator;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The Flink benchmark row: the counter, native and as the C component, at parallelism 1 on a local Flink
 * MiniCluster, beside the standalone {@link OperatorRunner} (in-memory backend) in the same run, in records
 * per second. Not a JMH benchmark: a Flink job is seconds of work with its own threads, so each run is timed
 * whole. Two Flink figures are printed: "in job" from the operator's first record to its close (the
 * operator's steady work, Flink's per-record path included: keyBy serialisation, the keyed-state backend,
 * the chained copy to the next operator), and "job" from submission to completion (start-up included).
 *
 * <pre>
 * mvn -q -B -pl examples-flink exec:exec -Dcounter.main=io.fssdk.examples.flink.FlinkCounterThroughput \
 *     -Dcounter.args="200000 5"
 * </pre>
 *
 * Arguments: records per run (default 200,000) and measured runs (default 5, after one warm-up run each);
 * medians are printed. The words cycle through 100 distinct seeded words, as the JMH counter benchmark's do.
 */
public final class FlinkCounterThroughput {
    private FlinkCounterThroughput() {
    }

    /** Runs the comparison and prints a Markdown table. */
    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> words = words(records);
        byte[] component;
        try (InputStream in = FlinkCounterThroughput.class.getResourceAsStream(FlinkCounterMain.COUNTER_COMPONENT)) {
            if (in == null) {
                throw new IllegalStateException("counter.wasm is not on the class path");
            }
            component = in.readAllBytes();
        }
        DriverFactory nativeCounter = CounterOperator::new;
        DriverFactory wasmCounter = DriverFactory.wasm(component);
        System.out.printf("counter, %,d records per run, median of %d runs (after 1 warm-up), records/s%n%n",
                records, runs);
        System.out.println("| counter | standalone runner | Flink p=1, in job | Flink p=1, job incl. start-up"
                + " | Flink in job / standalone |");
        System.out.println("|---|---:|---:|---:|---:|");
        row("native", nativeCounter, words, runs);
        row("WASM (C, compiler)", wasmCounter, words, runs);
    }

    private static void row(String name, DriverFactory factory, List<String> words, int runs) throws Exception {
        double[] standalone = new double[runs];
        double[] inJob = new double[runs];
        double[] job = new double[runs];
        standalone(factory, words);
        flink(factory, words);
        for (int i = 0; i < runs; i++) {
            standalone[i] = standalone(factory, words);
            double[] f = flink(factory, words);
            inJob[i] = f[0];
            job[i] = f[1];
        }
        double s = median(standalone);
        double in = median(inJob);
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f | %.2f× |%n", name, s, in, median(job), in / s);
    }

    /** Records per second of the standalone runner over the words. */
    private static double standalone(DriverFactory factory, List<String> words) throws Exception {
        byte[][] bytes = new byte[words.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = words.get(i).getBytes(StandardCharsets.UTF_8);
        }
        long[] sink = new long[1];
        try (InMemoryStateBackend backend = new InMemoryStateBackend();
                OperatorRunner runner = OperatorRunner.builder().operatorName("counter").driver(factory.create())
                        .stateBackend(backend).outputSink((t, b) -> sink[0] += b.length).build()) {
            runner.init();
            long start = System.nanoTime();
            for (byte[] w : bytes) {
                runner.process(0, w);
            }
            long end = System.nanoTime();
            if (sink[0] == 0) {
                throw new IllegalStateException("the counter emitted nothing");
            }
            return bytes.length * 1e9 / (end - start);
        }
    }

    /** Records per second in the job (first record to close) and for the whole job. */
    private static double[] flink(DriverFactory factory, List<String> words) throws Exception {
        TimedDriver.reset();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        DataStream<byte[]> records = env.fromData(words)
                .map(w -> w.getBytes(StandardCharsets.UTF_8)).returns(FlinkOperator.BYTES);
        FlinkOperator.builder().operatorName("counter").driver(() -> new TimedDriver(factory.create())).build()
                .applyTo(records.keyBy(b -> new String(b, StandardCharsets.UTF_8)))
                // Every output record is produced and handed on, then dropped: the job needs a sink, and
                // printing nothing keeps the measurement about the operator.
                .filter(b -> b.length == 0).print();
        long start = System.nanoTime();
        env.execute("counter throughput");
        long end = System.nanoTime();
        long in = TimedDriver.closedNanos - TimedDriver.firstRecordNanos;
        if (TimedDriver.firstRecordNanos == 0 || in <= 0) {
            throw new IllegalStateException("the driver was not timed");
        }
        return new double[] {words.size() * 1e9 / in, words.size() * 1e9 / (end - start)};
    }

    private static List<String> words(int records) {
        Random random = new Random(42);
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0, n = 3 + random.nextInt(6); j < n; j++) {
                sb.append((char) ('a' + random.nextInt(26)));
            }
            vocabulary.add(sb.append(i).toString());
        }
        List<String> words = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            words.add(vocabulary.get(i % vocabulary.size()));
        }
        return words;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
