package io.fssdk.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * The distribution of one benchmark's measurement iterations (all forks pooled). Medians, not means,
 * because on a shared 2-core machine a single disturbed iteration drags a mean far more than a median.
 *
 * @param median the middle value
 * @param p25 the first quartile
 * @param p75 the third quartile
 * @param min the smallest value
 * @param max the largest value
 * @param count the number of iterations
 */
public record Samples(double median, double p25, double p75, double min, double max, int count) {
    /** Summarises the values; there must be at least one. */
    public static Samples of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Samples(quantile(v, 0.5), quantile(v, 0.25), quantile(v, 0.75), v[0], v[v.length - 1],
                v.length);
    }

    /** The half-width of the interquartile range relative to the median, as a percentage. */
    public double spreadPercent() {
        return median == 0 ? 0 : 50 * (p75 - p25) / median;
    }

    /** {@code this / other}, with the conservative range from the quartiles of both. */
    public Ratio over(Samples other) {
        return new Ratio(median / other.median, p25 / other.p75, p75 / other.p25);
    }

    // Linear interpolation between closest ranks (the default of R, NumPy and Excel's PERCENTILE.INC).
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    @Override
    public String toString() {
        return Arrays.toString(new double[] {median, p25, p75, min, max}) + " n=" + count;
    }

    /**
     * A ratio of two medians and the range it could take given the quartiles of both sides.
     *
     * @param value the ratio of the medians
     * @param low the first quartile of the numerator over the third of the denominator
     * @param high the third quartile of the numerator over the first of the denominator
     */
    public record Ratio(double value, double low, double high) {
        /** The ratio as {@code 1.23× (1.10–1.35)}. */
        public String format() {
            return String.format("%.2f× (%.2f–%.2f)", value, low, high);
        }
    }
}
