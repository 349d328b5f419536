package dev.raq.core.perf;

import org.apiguardian.api.API;

import java.util.Arrays;

/**
 * The distribution of one timing over a run, in milliseconds: count, mean, minimum, the p50, p90, p95 and p99
 * percentiles and the maximum. Percentiles use the nearest-rank method (the smallest observed value with at least
 * p% of the values at or below it), as EvalScope does; vLLM interpolates linearly ({@code numpy.percentile}), which
 * differs by at most the gap between two neighbouring observations. With no observations every value is 0 and
 * {@link #count()} is 0.
 *
 * @param count how many values
 * @param mean  arithmetic mean
 * @param min   smallest value
 * @param p50   median (nearest rank)
 * @param p90   90th percentile
 * @param p95   95th percentile
 * @param p99   99th percentile
 * @param max   largest value
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record LatencyStats(long count, double mean, double min, double p50, double p90, double p95, double p99,
                           double max) {

    /** No observations. */
    public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0, 0, 0, 0, 0);

    /** Validates that the count is not negative. */
    public LatencyStats {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0 but was " + count);
        }
    }

    /**
     * The statistics of {@code millis}.
     *
     * @param millis the values in milliseconds (not modified)
     * @return their statistics, or {@link #EMPTY} for no values
     */
    public static LatencyStats of(double... millis) {
        if (millis.length == 0) {
            return EMPTY;
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return new LatencyStats(sorted.length, sum / sorted.length, sorted[0], rank(sorted, 50), rank(sorted, 90),
                rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    /** The nearest-rank percentile: the value at 1-based rank {@code ceil(p/100 · n)}. */
    static double rank(double[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
