package io.fssdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The results of one JMH run, read from its JSON output ({@code -rf json}). */
public final class Results {
    private final List<Entry> entries;

    private Results(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads JMH JSON result files, in order, into one set of results. */
    public static Results read(List<Path> files) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path json : files) {
            read(json, entries);
        }
        return new Results(entries);
    }

    private static void read(Path json, List<Entry> entries) throws IOException {
        for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
            String full = run.get("benchmark").asText();
            // io.fssdk.benchmarks.CounterBenchmark.process -> CounterBenchmark.process
            String name = full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1);
            Map<String, String> params = new TreeMap<>();
            JsonNode p = run.get("params");
            if (p != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    params.put(e.getKey(), e.getValue().asText());
                }
            }
            JsonNode metric = run.get("primaryMetric");
            List<Double> values = new ArrayList<>();
            for (JsonNode fork : metric.get("rawData")) {
                for (JsonNode v : fork) {
                    values.add(v.asDouble());
                }
            }
            entries.add(new Entry(name, params, run.get("mode").asText(), metric.get("scoreUnit").asText(),
                    run.get("threads").asInt(), Samples.of(values)));
        }
    }

    /** Every result, in run order. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The result of {@code name} (e.g. {@code CounterBenchmark.process}) whose parameters include all of
     * {@code params}, given as alternating names and values.
     */
    public Optional<Samples> find(String name, String... params) {
        return entries.stream()
                .filter(e -> e.name().equals(name) && matches(e.params(), params))
                .map(Entry::samples)
                .findFirst();
    }

    private static boolean matches(Map<String, String> actual, String[] wanted) {
        for (int i = 0; i + 1 < wanted.length; i += 2) {
            if (!wanted[i + 1].equals(actual.get(wanted[i]))) {
                return false;
            }
        }
        return true;
    }

    /**
     * One benchmark with one set of parameters.
     *
     * @param name class and method, e.g. {@code CounterBenchmark.process}
     * @param params the JMH parameters
     * @param mode the JMH mode ({@code thrpt}, {@code avgt}, {@code ss})
     * @param unit the score unit
     * @param threads the number of benchmark threads
     * @param samples the measurement iterations of all forks
     */
    public record Entry(String name, Map<String, String> params, String mode, String unit, int threads,
                        Samples samples) {
    }
}
