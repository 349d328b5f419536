package dev.raq.stats;

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
 */
public record PairedDifferenceResult(int n, double meanDifference, double sdDifference, double standardError,
                                     ConfidenceInterval tInterval, ConfidenceInterval zInterval, double tStatistic,
                                     double tPValue, double correlation) {
}
