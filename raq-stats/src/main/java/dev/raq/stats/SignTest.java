package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The sign test for paired samples: an exact binomial test of the number of positive differences against
 * Binomial(n, ½), where n counts the non-zero differences; zero differences (ties) are dropped.
 *
 * <p>Equivalent to {@code scipy.stats.binomtest(#{x > y}, #{x != y}, 0.5, alternative)} (scipy has no sign test of
 * its own; R's {@code binom.test} on the same counts gives the same p-values). It assumes only that the pairs are
 * independent, so it suits any ordinal judgement, including pairwise A/B verdicts. Thread-safe: pure functions.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SignTest {

    private SignTest() {
    }

    /**
     * Tests whether {@code x[i] > y[i]} and {@code x[i] < y[i]} are equally likely.
     *
     * @param x           the first sample
     * @param y           the second sample, paired with {@code x} by position
     * @param alternative {@code GREATER}: {@code x} tends to be larger
     * @return the binomial test of k = #{x &gt; y} successes in n = #{x ≠ y} trials against p = ½; its statistic is
     *         k/n, and its {@link BinomialTestResult#proportionCi} the interval of P(x &gt; y | x ≠ y)
     * @throws IllegalArgumentException if the arrays differ in length, are empty, contain NaN, or are equal at every
     *                                  position (no non-zero difference: the test is undefined)
     */
    public static BinomialTestResult test(double[] x, double[] y, Alternative alternative) {
        Objects.requireNonNull(alternative, "alternative");
        double[] d = PairedSamples.differences(x, y);
        int positive = 0;
        int nonZero = 0;
        for (double v : d) {
            if (v != 0) {
                nonZero++;
                if (v > 0) {
                    positive++;
                }
            }
        }
        Preconditions.checkArgument(nonZero != 0, () -> "x and y are equal at all " + d.length
                + " positions: the sign test needs at least one non-zero difference");
        return BinomialTest.test(positive, nonZero, 0.5, alternative);
    }

    /**
     * Two-sided sign tests of every pair of columns, with the upper-triangle p-values adjusted as one family (the
     * layout of scikit-posthocs' post-hoc tests).
     *
     * <p>A pair of columns equal at every position has no non-zero difference; its p-value is NaN (undefined), as
     * scikit-posthocs reports an undefined Wilcoxon pair, and it enters the adjustment as described at
     * {@link Wilcoxon#pairwise}.
     *
     * @param columns    k ≥ 2 samples of equal length n ≥ 1, paired by position
     * @param adjustment the multiple-comparison adjustment of the k(k−1)/2 p-values
     * @return the k×k matrix of (adjusted) p-values, with pairwise statistics {@code k/n − ½}: the share of non-tied
     *         pairs in which column i is larger, minus ½ (positive when column i tends to be larger; NaN for an
     *         undefined pair)
     * @throws IllegalArgumentException if fewer than 2 columns are given, a column is empty, lengths differ, or a
     *                                  value is NaN
     */
    public static PostHocResult pairwise(double[][] columns, PAdjust adjustment) {
        PairedSamples.checkColumns(columns);
        Objects.requireNonNull(adjustment, "adjustment");
        int k = columns.length;
        double[] upper = new double[k * (k - 1) / 2];
        double[][] statistics = new double[k][k];
        int index = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double p = Double.NaN;
                double statistic = Double.NaN;
                if (hasNonZeroDifference(columns[i], columns[j])) {
                    BinomialTestResult r = test(columns[i], columns[j], Alternative.TWO_SIDED);
                    p = r.pValue();
                    statistic = r.statistic() - 0.5;
                }
                upper[index++] = p;
                statistics[i][j] = statistic;
                statistics[j][i] = -statistic;
            }
        }
        return new PostHocResult("Sign test", adjustment, PairedSamples.adjustedMatrix(k, upper, adjustment),
                statistics);
    }

    private static boolean hasNonZeroDifference(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] - b[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The two-sided sign test's normal approximation for weighted (fractional) counts, where the exact binomial test
     * does not apply: {@code z = (b − a)/√(a + b)}, {@code p = 2·(1 − Φ(|z|))}; 1 when {@code a + b = 0}.
     *
     * @param a the (weighted) wins of one side, ≥ 0
     * @param b the (weighted) wins of the other side, ≥ 0
     * @throws IllegalArgumentException if a count is negative or not finite
     */
    public static double normalPValue(double a, double b) {
        if (!(a >= 0) || !(b >= 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("counts must be finite and >= 0 but were " + a + " and " + b);
        }
        if (a + b == 0) {
            return 1.0;
        }
        return Math.min(1, TailProbabilities.normalPValue((b - a) / Math.sqrt(a + b), Alternative.TWO_SIDED));
    }
}
