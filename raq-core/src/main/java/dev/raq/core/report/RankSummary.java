package dev.raq.core.report;

import java.util.OptionalDouble;

/**
 * How one candidate was ranked over a set of rankings (1 = best).
 *
 * @param n      the rankings that rank the candidate (≥ 1)
 * @param mean   the mean rank
 * @param median the median rank (mean of the two middle values for even n)
 * @param sd     the sample standard deviation (n − 1 denominator), or NaN exactly when n = 1; see {@link #sdIfDefined()}
 */
public record RankSummary(int n, double mean, double median, double sd) {

    /**
     * Validates the ranges.
     *
     * @throws IllegalArgumentException if n &lt; 1, the mean or median is NaN, or sd is NaN for n &gt; 1
     */
    public RankSummary {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1 but was " + n);
        }
        if (Double.isNaN(mean) || Double.isNaN(median) || (n > 1 && Double.isNaN(sd))) {
            throw new IllegalArgumentException("rank summary of " + n + " rankings must be defined");
        }
    }

    /** The standard deviation, defined for at least two rankings. */
    public OptionalDouble sdIfDefined() {
        return n > 1 ? OptionalDouble.of(sd) : OptionalDouble.empty();
    }

    static RankSummary of(double[] ranks) {
        int n = ranks.length;
        double[] sorted = ranks.clone();
        java.util.Arrays.sort(sorted);
        double sum = 0;
        for (double r : sorted) {
            sum += r;
        }
        double mean = sum / n;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double ss = 0;
        for (double r : sorted) {
            ss += (r - mean) * (r - mean);
        }
        return new RankSummary(n, mean, median, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN);
    }
}
