package dev.raq.core.report;

import dev.raq.stats.ClusteredMeanResult;
import dev.raq.stats.ConfidenceInterval;
import dev.raq.stats.McNemarResult;
import dev.raq.stats.PairedDifferenceResult;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * How big the difference between two candidates is, on the samples both were measured on: the mean per-sample
 * difference {@code first − second} of a measure with its intervals ({@link dev.raq.stats.PairedDifference}). For
 * ranks a negative difference favours {@code first} (rank 1 is best); for a metric's scores a positive one does.
 * The intervals answer "how big" for this pair alone: they are not adjusted for the number of pairs compared, so
 * an interval can exclude zero where the report's (adjusted) significance test does not call the pair significant.
 *
 * @param first      one candidate
 * @param second     the other
 * @param measure    {@code "rank"}, or the name of the metric judge whose scores are compared
 * @param difference the paired difference, its standard error, t and z intervals (95%), t test and correlation
 * @param alpha      the report's significance level, for {@link #minimumDetectableDifference()}
 * @param bootstrapInterval a 95% percentile bootstrap interval of the mean difference (seeded by the evaluation's
 *                   seed; whole clusters resampled when the evaluation has a cluster key), or null with fewer than
 *                   two observations; above {@link ValueSummary#LARGE} observations (clusters) the normal (clustered
 *                   t) interval instead, as {@link ValueSummary#meanInterval()} is
 * @param clustered  with a cluster key: the mean difference's cluster-robust (CR1) standard error and t interval on
 *                   G − 1 degrees of freedom; null without one
 * @param mcnemar    for a metric whose scores are pass/fail (every score 0 or 1, such as exact match): McNemar's
 *                   test on the samples only one of the two passed; null otherwise
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PairDifference(String first, String second, String measure, PairedDifferenceResult difference,
                             double alpha, @Nullable ConfidenceInterval bootstrapInterval,
                             @Nullable ClusteredMeanResult clustered, @Nullable McNemarResult mcnemar) {

    /** The power {@link #minimumDetectableDifference()} is computed for: {@value}. */
    public static final double POWER = 0.8;

    /** Validates. */
    public PairDifference {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(difference, "difference");
    }

    /**
     * The smallest difference these samples could detect with {@value #POWER} power at the report's alpha (two-sided,
     * normal approximation): {@code (z_{1−α/2} + z_{0.8}) · SE}. A pair that is not significant and whose observed
     * difference is below it was measured on too few samples to tell, which is not evidence of no difference.
     */
    public double minimumDetectableDifference() {
        return difference.minimumDetectableDifference(alpha, POWER);
    }

    /**
     * The power these samples had to detect a difference as large as the one observed: {@code Φ(|mean|/SE −
     * z_{1−α/2})} (NaN with a zero standard error).
     */
    public double powerForObserved() {
        return difference.powerFor(difference.meanDifference(), alpha);
    }

    /** True when the 95% t interval of the difference excludes zero. */
    public boolean excludesZero() {
        return difference.tInterval().lower() > 0 || difference.tInterval().upper() < 0;
    }
}
