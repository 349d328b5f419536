package dev.raq.stats;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * Rank correlations with their tests of zero correlation: Spearman's rho (matches {@code scipy.stats.spearmanr}
 * 1.17) and Kendall's tau-b / tau-c (matches {@code scipy.stats.kendalltau} 1.17).
 *
 * <p>Undefined results, where scipy returns NaN, come back with {@link CorrelationResult#defined()} false: an input
 * that is constant (Spearman: all values equal; Kendall: every pair tied in x or in y), and the tests that have no
 * distribution at n = 2 (Spearman's t test with 0 degrees of freedom; Kendall's normal approximation). Inputs must
 * be non-empty, of equal length and free of NaN (scipy would propagate NaN). Thread-safe: pure functions.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Correlation {

    /** Which Kendall tau. */
    public enum KendallVariant {
        /** Tau-b, adjusted for ties in either variable (scipy's default). */
        B,
        /** Tau-c (Stuart's), for rectangular contingency tables. */
        C
    }

    /** How the p-value of Kendall's tau is computed. */
    public enum KendallMethod {
        /** Exact when there are no ties and n ≤ 33 or at most one discordant (or concordant) pair; else asymptotic. */
        AUTO,
        /** The exact null distribution of the number of inversions (tie-free data only). */
        EXACT,
        /** The normal approximation with tie-corrected variance. */
        ASYMPTOTIC
    }

    private static final int KENDALL_EXACT_MAX_N = 33;
    private static final int FACTORIAL_LIMIT = 171;

    private Correlation() {
    }

    /**
     * Spearman's rank correlation: the Pearson correlation of the average ranks, with the p-value of
     * {@code t = r·sqrt((n − 2)/((1 − r)(1 + r)))} under Student's t with n − 2 degrees of freedom. O(n log n).
     *
     * @param x           the first variable
     * @param y           the second variable, paired with {@code x} by position
     * @param alternative {@code GREATER}: the correlation is positive
     * @return rho and its p-value; undefined when x or y is constant or n &lt; 3
     * @throws IllegalArgumentException if the arrays differ in length, are empty or contain NaN
     */
    public static CorrelationResult spearman(double[] x, double[] y, Alternative alternative) {
        PairedSamples.check(x, y);
        Objects.requireNonNull(alternative, "alternative");
        int n = x.length;
        if (isConstant(x) || isConstant(y) || n < 3) {
            return CorrelationResult.undefined();
        }
        double[] rx = Ranks.rank(x);
        double[] ry = Ranks.rank(y);
        double mx = mean(rx);
        double my = mean(ry);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = rx[i] - mx;
            double dy = ry[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        // as numpy.corrcoef: covariance divided by each standard deviation in turn, then clipped
        double r = sxy / (n - 1) / Math.sqrt(sxx / (n - 1)) / Math.sqrt(syy / (n - 1));
        r = Math.max(-1, Math.min(1, r));
        double dof = n - 2;
        double t = r * Math.sqrt(Math.max(0, dof / ((r + 1.0) * (1.0 - r))));
        return new CorrelationResult(r, TailProbabilities.studentPValue(t, dof, alternative), true);
    }

    /**
     * Kendall's rank correlation; tau-b is {@code (C − D)/sqrt((n0 − n1)(n0 − n2))}, tau-c is
     * {@code 2(C − D)/(n²(m − 1)/m)} with m the smaller number of distinct values. Concordant and discordant pairs
     * are counted in O(n log n) with a merge sort. The p-value (the same for both variants) comes from the exact
     * distribution of the inversions (Kendall 1970; O(n³) in the worst case, so {@code AUTO} uses it only for
     * n ≤ 33) or from the normal approximation with the tie-corrected variance of C − D.
     *
     * @param x           the first variable
     * @param y           the second variable, paired with {@code x} by position
     * @param variant     tau-b or tau-c
     * @param method      the p-value method
     * @param alternative {@code GREATER}: the correlation is positive
     * @return tau and its p-value; undefined when every pair is tied in x or in y, or for the asymptotic p-value at
     *         n = 2
     * @throws IllegalArgumentException if the arrays differ in length, are empty or contain NaN, or
     *                                  {@code EXACT} is asked for data with ties (as scipy)
     */
    public static CorrelationResult kendallTau(double[] x, double[] y, KendallVariant variant, KendallMethod method,
                                               Alternative alternative) {
        PairedSamples.check(x, y);
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(alternative, "alternative");
        int n = x.length;
        int[] order = byXThenY(x, y);
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = y[order[i]];
        }
        long discordant = inversions(ys);
        long jointTies = 0;
        int groupStart = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || x[order[i]] != x[order[groupStart]] || ys[i] != ys[groupStart]) {
                long u = i - groupStart;
                jointTies += u * (u - 1) / 2;
                groupStart = i;
            }
        }
        TieStats xs = TieStats.of(x);
        TieStats yst = TieStats.of(y);
        long xTies = xs.pairs;
        long yTies = yst.pairs;
        long total = (long) n * (n - 1) / 2;
        if (xTies == total || yTies == total) {
            return CorrelationResult.undefined();
        }
        long conMinusDis = total - xTies - yTies + jointTies - 2 * discordant;
        double tau;
        if (variant == KendallVariant.B) {
            tau = conMinusDis / Math.sqrt(total - xTies) / Math.sqrt(total - yTies);
        } else {
            int minClasses = Math.min(xs.classes, yst.classes);
            tau = 2.0 * conMinusDis / ((double) n * n * (minClasses - 1) / minClasses);
        }
        tau = Math.max(-1, Math.min(1, tau));
        boolean tieFree = xTies == 0 && yTies == 0;
        if (method == KendallMethod.EXACT && !tieFree) {
            throw new IllegalArgumentException("method EXACT needs data without ties, but x has " + xTies
                    + " and y has " + yTies + " tied pairs");
        }
        boolean exact = method == KendallMethod.EXACT || method == KendallMethod.AUTO && tieFree
                && (n <= KENDALL_EXACT_MAX_N || Math.min(discordant, total - discordant) <= 1);
        double pValue;
        if (exact) {
            pValue = kendallExactPValue(n, total - discordant, alternative);
        } else {
            if (n < 3) {
                return CorrelationResult.undefined();
            }
            double m = n * (n - 1.0);
            double variance = (m * (2 * n + 5) - xs.cubic - yst.cubic) / 18 + (2.0 * xTies * yTies) / m
                    + (double) xs.quadratic * yst.quadratic / (9 * m * (n - 2));
            pValue = TailProbabilities.normalPValue(conMinusDis / Math.sqrt(variance), alternative);
        }
        return new CorrelationResult(tau, pValue, true);
    }

    /**
     * The exact p-value of Kendall's statistic from the number of permutations of n items with at most c
     * inversions (Kendall 1970), as scipy's {@code _kendall_p_exact}; c is the number of concordant pairs.
     */
    static double kendallExactPValue(int n, long concordant, Alternative alternative) {
        long total = (long) n * (n - 1) / 2;
        boolean inRightTail = concordant >= total - concordant;
        int c = (int) Math.min(concordant, total - concordant);
        double prob;
        double massAtC = Double.NaN;
        if (n == 1) {
            prob = 1.0;
            massAtC = 1;
        } else if (n == 2) {
            prob = 1.0;
            massAtC = 0.5;
        } else if (c == 0) {
            prob = n < FACTORIAL_LIMIT ? 2.0 / factorial(n) : 0.0;
            massAtC = prob / 2;
        } else if (c == 1) {
            prob = n < FACTORIAL_LIMIT + 1 ? 2.0 / factorial(n - 1) : 0.0;
            massAtC = (n - 1) / factorial(n);
        } else if (4L * c == (long) n * (n - 1) && alternative == Alternative.TWO_SIDED) {
            prob = 1.0;
        } else {
            // counts[i] = number of permutations with i inversions (truncated at c), one item at a time
            double[] counts = new double[c + 1];
            counts[0] = 1.0;
            counts[1] = 1.0;
            boolean scaled = n >= FACTORIAL_LIMIT;
            for (int j = 3; j <= n; j++) {
                double running = 0;
                for (int i = 0; i <= c; i++) {
                    running += counts[i];
                    counts[i] = scaled ? running / j : running;
                }
                for (int i = c; i >= j; i--) {
                    counts[i] -= counts[i - j];
                }
            }
            double sum = 0;
            for (double v : counts) {
                sum += v;
            }
            if (scaled) {
                prob = sum;
                massAtC = counts[c] / 2;
            } else {
                double nFactorial = factorial(n);
                prob = 2.0 * sum / nFactorial;
                massAtC = counts[c] / nFactorial;
            }
        }
        if (alternative != Alternative.TWO_SIDED) {
            if (inRightTail == (alternative == Alternative.GREATER)) {
                prob /= 2;
            } else {
                prob = 1 - prob / 2 + massAtC;
            }
        }
        return Math.max(0, Math.min(1, prob));
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    /** The indices sorted by x, ties broken by y (both ascending). */
    private static int[] byXThenY(double[] x, double[] y) {
        int[] byY = Ranks.sortedOrder(y);
        double[] xInYOrder = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xInYOrder[i] = x[byY[i]];
        }
        int[] stable = Ranks.sortedOrder(xInYOrder);
        int[] order = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            order[i] = byY[stable[i]];
        }
        return order;
    }

    /** The number of pairs i &lt; j with values[i] &gt; values[j], by merge sort in O(n log n); sorts a copy. */
    private static long inversions(double[] values) {
        double[] a = values.clone();
        double[] buffer = new double[a.length];
        long count = 0;
        for (int width = 1; width < a.length; width *= 2) {
            for (int lo = 0; lo < a.length - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, a.length);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    if (a[j] < a[i]) {
                        count += mid - i;
                        buffer[k++] = a[j++];
                    } else {
                        buffer[k++] = a[i++];
                    }
                }
                while (i < mid) {
                    buffer[k++] = a[i++];
                }
                while (j < hi) {
                    buffer[k++] = a[j++];
                }
                System.arraycopy(buffer, lo, a, lo, hi - lo);
            }
        }
        return count;
    }

    /** Tie statistics of one variable, with t the size of each group of equal values. */
    private static final class TieStats {
        /** Σ t(t − 1)/2: the tied pairs. */
        long pairs;
        /** Σ t(t − 1)(t − 2). */
        long quadratic;
        /** Σ t(t − 1)(2t + 5). */
        long cubic;
        /** The number of distinct values. */
        int classes;

        static TieStats of(double[] values) {
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            TieStats s = new TieStats();
            int start = 0;
            while (start < sorted.length) {
                int end = start + 1;
                while (end < sorted.length && sorted[end] == sorted[start]) {
                    end++;
                }
                long t = end - start;
                s.pairs += t * (t - 1) / 2;
                s.quadratic += t * (t - 1) * (t - 2);
                s.cubic += t * (t - 1) * (2 * t + 5);
                s.classes++;
                start = end;
            }
            return s;
        }
    }

    private static boolean isConstant(double[] v) {
        for (double value : v) {
            if (value != v[0]) {
                return false;
            }
        }
        return true;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double value : v) {
            s += value;
        }
        return s / v.length;
    }
}
