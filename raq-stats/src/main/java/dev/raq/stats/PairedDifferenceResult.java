package dev.raq.stats;

import org.apiguardian.api.API;

/**
 * The paired difference of two systems (see {@link PairedDifference}).
 *
 * @param n              the items
 * @param meanDifference the mean of {@code a_i − b_i}
 * @param sdDifference   the standard deviation of the differences ({@code n − 1} denominator)
 * @param standardError  {@code sdDifference / √n}
 * @param tInterval      {@code mean ± t_{n−1} · SE}
 * @param zInterval      {@code mean ± z · SE}
 * @param tStatistic     the paired t statistic, NaN when the standard error is zero
 * @param tPValue        its two-sided p-value, NaN when the statistic is
 * @param correlation    Pearson's r of the two systems' scores, NaN when undefined
 * @param rankBiserial   the effect size: the matched-pairs rank-biserial correlation of the differences, in [−1, 1]
 *                       (positive when {@code a} tends to be larger), NaN when every difference is zero
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PairedDifferenceResult(int n, double meanDifference, double sdDifference, double standardError,
                                     ConfidenceInterval tInterval, ConfidenceInterval zInterval, double tStatistic,
                                     double tPValue, double correlation, double rankBiserial) {

    /**
     * The smallest difference these items detect with {@code power} at {@code alpha} (two-sided, normal
     * approximation): {@code (z_{1−α/2} + z_power) · SE}.
     */
    public double minimumDetectableDifference(double alpha, double power) {
        return (TailProbabilities.normalIsf(alpha / 2) + TailProbabilities.normalIsf(1 - power)) * standardError;
    }

    /**
     * The power these items have to detect a difference of {@code difference} at {@code alpha}:
     * {@code Φ(|difference|/SE − z_{1−α/2})}, the one-sided approximation; NaN with a zero standard error.
     */
    public double powerFor(double difference, double alpha) {
        if (standardError == 0) {
            return Double.NaN;
        }
        return TailProbabilities.normalCdf(Math.abs(difference) / standardError
                - TailProbabilities.normalIsf(alpha / 2));
    }
}
