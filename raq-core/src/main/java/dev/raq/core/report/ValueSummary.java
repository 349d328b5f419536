package dev.raq.core.report;

import dev.raq.commons.Preconditions;
import dev.raq.stats.Bootstrap;
import dev.raq.stats.ClusteredMean;
import dev.raq.stats.ConfidenceInterval;
import org.apiguardian.api.API;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How one candidate's values are distributed over the observations: its ranks (1 = best) over the rankings, or a
 * metric judge's raw scores over the samples.
 *
 * @param n      the observations that hold a value of the candidate (≥ 1)
 * @param mean   the mean value
 * @param median the median value (mean of the two middle values for even n)
 * @param sd     the sample standard deviation (n − 1 denominator), or NaN exactly when n = 1; see {@link #sdIfDefined()}
 * @param meanInterval a percentile bootstrap confidence interval of the mean (resampling the observations, or whole
 *                     clusters of them when the evaluation has a cluster key), or null when it was not computed
 *                     (fewer than two observations); above {@value #LARGE} observations (clusters), the normal
 *                     (clustered t) interval instead, see {@link #LARGE}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ValueSummary(int n, double mean, double median, double sd, @Nullable ConfidenceInterval meanInterval) {

    /**
     * Above this many observations ({@value}), or this many clusters, the interval of a mean is the normal one, mean
     * ± z·sd/√n (with clusters: the CR1 clustered t interval of {@code ClusteredMean}), instead of the percentile
     * bootstrap: a deliberate difference from the bootstrap the report uses below it. At this size the two differ
     * by less than the bootstrap's own Monte Carlo error at 1,000 rounds (checked in {@code ValueSummaryTest}),
     * and the bootstrap would resample every observation a thousand times: about 45 s of report time at a million
     * samples against a few milliseconds.
     */
    public static final int LARGE = 20_000;

    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    /**
     * Validates the ranges.
     *
     * @throws IllegalArgumentException if n &lt; 1, the mean or median is NaN, or sd is NaN for n &gt; 1
     */
    public ValueSummary {
        Preconditions.checkArgument(n >= 1, () -> "n must be >= 1 but was " + n);
        if (Double.isNaN(mean) || Double.isNaN(median) || (n > 1 && Double.isNaN(sd))) {
            throw new IllegalArgumentException("a summary of " + n + " values must be defined");
        }
    }

    /** The bootstrap confidence interval of the mean rank, if computed. */
    public Optional<ConfidenceInterval> meanIntervalIfComputed() {
        return Optional.ofNullable(meanInterval);
    }

    /** The standard deviation, defined for at least two rankings. */
    public OptionalDouble sdIfDefined() {
        return n > 1 ? OptionalDouble.of(sd) : OptionalDouble.empty();
    }

    static ValueSummary of(double[] ranks) {
        return of(ranks, null);
    }

    /**
     * The summary with a cluster bootstrap interval: whole clusters are resampled (with all their values), so values
     * of one cluster move together. Without clusters ({@code null}) the values are resampled one by one.
     */
    static ValueSummary of(double[] values, String @Nullable [] clusters, @Nullable Bootstrap bootstrap) {
        if (clusters == null || bootstrap == null) {
            return of(values, bootstrap);
        }
        ValueSummary plain = of(values, null);
        java.util.Map<String, Integer> index = new java.util.LinkedHashMap<>();
        for (String c : clusters) {
            index.putIfAbsent(c, index.size());
        }
        int g = index.size();
        if (g < 2) {
            return plain;
        }
        if (g > LARGE) {
            return new ValueSummary(plain.n(), plain.mean(), plain.median(), plain.sd(),
                    ClusteredMean.of(values, clusters, bootstrap.confidence()).interval());
        }
        double[] sums = new double[g];
        int[] counts = new int[g];
        for (int i = 0; i < values.length; i++) {
            int k = Objects.requireNonNull(index.get(clusters[i]));
            sums[k] += values[i];
            counts[k]++;
        }
        ConfidenceInterval ci = bootstrap.pairedInterval(g, chosen -> {
            double sum = 0;
            long count = 0;
            for (int k : chosen) {
                sum += sums[k];
                count += counts[k];
            }
            return sum / count;
        });
        return new ValueSummary(plain.n(), plain.mean(), plain.median(), plain.sd(), ci);
    }

    static ValueSummary of(double[] ranks, @Nullable Bootstrap bootstrap) {
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
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
        ConfidenceInterval ci = bootstrap == null || n < 2 ? null
                : n > LARGE ? normalInterval(mean, sd, n, bootstrap.confidence())
                : bootstrap.interval(ranks, ValueSummary::mean);
        return new ValueSummary(n, mean, median, sd, ci);
    }

    /**
     * The summary of more than {@link #LARGE} values given as distinct values in ascending order with how often each
     * occurs, with the normal interval {@link #of(double[], Bootstrap)} gives at that size (none without a
     * confidence). Sums are taken per distinct value (count × value), so the mean and SD can differ from summing the
     * values one by one where those sums round; they round less.
     */
    static ValueSummary ofCounts(double[] sortedValues, long[] counts, @Nullable Double confidence) {
        long total = 0;
        double sum = 0;
        for (int k = 0; k < counts.length; k++) {
            total += counts[k];
            sum += counts[k] * sortedValues[k];
        }
        Preconditions.checkArgument(total > LARGE, () -> "a summary from counts is for more than " + LARGE
                + " values");
        int n = Math.toIntExact(total);
        double mean = sum / n;
        double ss = 0;
        for (int k = 0; k < counts.length; k++) {
            ss += counts[k] * (sortedValues[k] - mean) * (sortedValues[k] - mean);
        }
        double median = n % 2 == 1 ? valueAt(sortedValues, counts, n / 2)
                : (valueAt(sortedValues, counts, n / 2 - 1) + valueAt(sortedValues, counts, n / 2)) / 2;
        double sd = Math.sqrt(ss / (n - 1));
        return new ValueSummary(n, mean, median, sd, confidence == null ? null
                : normalInterval(mean, sd, n, confidence));
    }

    /** The value at a 0-based position of the values written out in order. */
    private static double valueAt(double[] sortedValues, long[] counts, long position) {
        long seen = 0;
        for (int k = 0; k < counts.length; k++) {
            seen += counts[k];
            if (position < seen) {
                return sortedValues[k];
            }
        }
        throw new IndexOutOfBoundsException(position);
    }

    /** The normal interval of a mean: mean ± z·sd/√n. */
    static ConfidenceInterval normalInterval(double mean, double sd, int n, double confidence) {
        double half = NORMAL.inverseCumulativeProbability((1 + confidence) / 2) * sd / Math.sqrt(n);
        return new ConfidenceInterval(mean - half, mean + half, confidence);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
