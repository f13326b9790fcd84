package io.fssdk.runtime.component.spec;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Tallies the outcomes of one suite and renders them: counts per kind, then reasons grouped with one example. */
final class SuiteSummary {
    private final String suite;
    private final Map<Outcome.Kind, Integer> counts = new EnumMap<>(Outcome.Kind.class);
    private final Map<Outcome.Kind, Map<String, List<String>>> groups = new EnumMap<>(Outcome.Kind.class);

    SuiteSummary(String suite) {
        this.suite = suite;
    }

    synchronized void add(String where, Outcome o) {
        counts.merge(o.kind(), 1, Integer::sum);
        if (o.kind() != Outcome.Kind.PASSED) {
            groups.computeIfAbsent(o.kind(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(o.reason(), k -> new ArrayList<>())
                    .add(where + (o.detail().isEmpty() ? "" : "\n          -> " + o.detail()));
        }
    }

    int count(Outcome.Kind kind) {
        return counts.getOrDefault(kind, 0);
    }

    /**
     * The one-line tally. "Passed loosely" (refused for another reason than the script names, or only at
     * instantiation rather than at load) is its own column, not counted as passed.
     */
    synchronized String line() {
        int passed = count(Outcome.Kind.PASSED) + count(Outcome.Kind.PASSED_BY_CONVERTER);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return String.format("[spec] %-10s %4d directives: passed %d (of which %d by the text converter),"
                        + " passed loosely %d, failed %d (+%d blocked by an earlier failure), skipped %d",
                suite, total, passed, count(Outcome.Kind.PASSED_BY_CONVERTER), count(Outcome.Kind.PASSED_LOOSELY),
                count(Outcome.Kind.FAILED), count(Outcome.Kind.BLOCKED), count(Outcome.Kind.SKIPPED));
    }

    /** The tally and every reason with its count and first example, or all examples when {@code verbose}. */
    synchronized String report(boolean verbose) {
        StringBuilder sb = new StringBuilder(line()).append('\n');
        for (Outcome.Kind kind : List.of(Outcome.Kind.FAILED, Outcome.Kind.BLOCKED, Outcome.Kind.SKIPPED,
                Outcome.Kind.PASSED_LOOSELY, Outcome.Kind.PASSED_BY_CONVERTER)) {
            Map<String, List<String>> byReason = groups.getOrDefault(kind, Map.of());
            if (byReason.isEmpty()) {
                continue;
            }
            sb.append("  ").append(kind.name().toLowerCase(Locale.ROOT)).append(":\n");
            byReason.entrySet().stream()
                    .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                    .forEach(e -> {
                        sb.append(String.format("    %3d x %s%n", e.getValue().size(),
                                e.getKey().isEmpty() ? "(no reason)" : e.getKey()));
                        for (String where : verbose ? e.getValue() : e.getValue().subList(0, 1)) {
                            sb.append("        ").append(verbose ? "- " : "e.g. ").append(where).append('\n');
                        }
                    });
        }
        return sb.toString();
    }
}
