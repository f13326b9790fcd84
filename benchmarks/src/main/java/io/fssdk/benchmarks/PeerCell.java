package io.fssdk.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one host did with one workload: its load timings, one rate per round (NaN where a round was
 * lost), the output check, or why it could not run.
 */
final class PeerCell {
    private final double[] rates;
    private Optional<String> failure = Optional.empty();
    private double compileMs = Double.NaN;
    private double initMs = Double.NaN;
    private double firstMs = Double.NaN;
    private Optional<String> last = Optional.empty();
    private Optional<String> note = Optional.empty();

    PeerCell(int rounds) {
        rates = new double[rounds];
        Arrays.fill(rates, Double.NaN);
    }

    void fail(String reason) {
        if (failure.isEmpty()) {
            failure = Optional.of(reason);
        }
    }

    boolean ok() {
        return failure.isEmpty();
    }

    Optional<String> failure() {
        return failure;
    }

    void loaded(double compile, double init, double first) {
        compileMs = compile;
        initMs = init;
        firstMs = first;
    }

    double compileMs() {
        return compileMs;
    }

    double initMs() {
        return initMs;
    }

    double firstMs() {
        return firstMs;
    }

    void rate(int round, double value) {
        rates[round] = value;
    }

    double rate(int round) {
        return rates[round];
    }

    int rounds() {
        return rates.length;
    }

    /** The rates of the rounds that ran. */
    List<Double> measured() {
        return Arrays.stream(rates).filter(r -> !Double.isNaN(r)).boxed().collect(Collectors.toList());
    }

    /** The distribution of the measured rates, if any round ran. */
    Optional<Samples> samples() {
        List<Double> m = measured();
        return m.isEmpty() ? Optional.empty() : Optional.of(Samples.of(m));
    }

    /** A remark shown with the cell's value, e.g. that another jco version had to be used. */
    void note(String text) {
        note = Optional.of(text);
    }

    Optional<String> note() {
        return note;
    }

    void last(String line) {
        last = Optional.of(line);
    }

    Optional<String> last() {
        return last;
    }
}
