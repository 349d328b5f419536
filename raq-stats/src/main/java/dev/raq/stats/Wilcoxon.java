package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The Wilcoxon signed-rank test for paired samples, and its all-pairs post-hoc form; matches
 * {@code scipy.stats.wilcoxon} 1.17 and scikit-posthocs 0.12 {@code posthoc_wilcoxon}.
 *
 * <p>The differences {@code d = x − y} are ranked by absolute value (average ranks for ties); {@code R+} and
 * {@code R−} are the rank sums of the positive and negative differences. Zero differences are treated per
 * {@link ZeroMethod}. The p-value comes from one of three null distributions ({@link Method}, and
 * {@link WilcoxonResult#methodUsed()} says which one was used):
 * <ul>
 *   <li>exact: the distribution of {@code R+} over the 2^n equally likely sign patterns of ranks 1..n (valid for
 *   tie- and zero-free data; with ties or zeros scipy's conservative rounding of {@code R+} is applied: up for the
 *   lower tail, down for the upper);</li>
 *   <li>permutation: all 2^n sign flips of the observed differences enumerated exactly (the statistic is {@code R+}
 *   after the zero treatment; {@code p_less = #{null ≤ obs·(1 + 100ε)}/2^n}, likewise {@code p_greater};
 *   two-sided {@code min(1, 2·min)});</li>
 *   <li>asymptotic: the normal approximation with mean {@code n(n+1)/4} and variance {@code n(n+1)(2n+1)/24 −
 *   Σ(t³ − t)/48}, minus the zeros' share under Pratt, with an optional continuity correction of ½.</li>
 * </ul>
 * {@link Method#AUTO} follows scipy ≥ 1.13: n &gt; 50 (zeros included) → asymptotic; otherwise no ties and no zeros
 * → exact; otherwise n ≤ 13 → permutation; otherwise asymptotic.
 *
 * <p>Cost: O(n log n) for the asymptotic branch; the exact branch builds the null distribution in O(n³) (so
 * {@link Method#EXACT} on thousands of pairs is slow; {@code AUTO} uses it up to n = 50 only); the permutation
 * branch enumerates at most 2^13 sign patterns.
 *
 * <p>Deliberate differences from scipy: empty input and NaN are rejected with an {@link IllegalArgumentException}
 * instead of returning NaN; the z statistic is reported whenever the asymptotic branch is used (scipy reports it only
 * when {@code method='asymptotic'} was asked for). Thread-safe: pure functions.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Wilcoxon {

    /** How zero differences are treated. */
    public enum ZeroMethod {
        /** Discard zero differences before ranking (Wilcoxon's original treatment; scipy's default). */
        WILCOX,
        /**
         * Rank zero differences with the others, then leave them out of {@code R+} and {@code R−}; the normal
         * approximation is adjusted (Cureton 1967). More conservative.
         */
        PRATT,
        /** Rank zero differences with the others and split their rank sum equally between {@code R+} and {@code R−}. */
        ZSPLIT
    }

    /** Which null distribution computes the p-value. */
    public enum Method {
        /** scipy ≥ 1.13's choice between exact, permutation and asymptotic (see the class documentation). */
        AUTO,
        /** The exact distribution of {@code R+} (exact only for data without ties or zeros). */
        EXACT,
        /** The normal approximation. */
        ASYMPTOTIC
    }

    private static final int AUTO_EXACT_MAX_N = 50;
    private static final int AUTO_PERMUTATION_MAX_N = 13;

    private Wilcoxon() {
    }

    /**
     * The two-sided test with scipy's defaults: zero method {@code WILCOX}, no continuity correction, method
     * {@code AUTO}.
     *
     * @see #test(double[], double[], ZeroMethod, boolean, Alternative, Method)
     */
    public static WilcoxonResult test(double[] x, double[] y) {
        return test(x, y, ZeroMethod.WILCOX, false, Alternative.TWO_SIDED, Method.AUTO);
    }

    /**
     * Tests whether the paired differences {@code x[i] − y[i]} are symmetric about zero.
     *
     * @param x           the first sample
     * @param y           the second sample, paired with {@code x} by position
     * @param zeroMethod  the treatment of zero differences
     * @param correction  whether the normal approximation applies a continuity correction of ½ towards the mean
     *                    (ignored by the exact and permutation branches)
     * @param alternative {@code GREATER}: the differences tend to be positive ({@code x} larger)
     * @param method      the null distribution, {@code AUTO} to let the data decide as scipy does
     * @return the statistic, the p-value (NaN only when undefined, see {@link WilcoxonResult#isDefined()}), the z
     *         statistic and the branch used
     * @throws IllegalArgumentException if {@code x} and {@code y} differ in length, are empty, or contain NaN
     */
    public static WilcoxonResult test(double[] x, double[] y, ZeroMethod zeroMethod, boolean correction,
                                      Alternative alternative, Method method) {
        return compute(PairedSamples.differences(x, y), zeroMethod, correction, alternative, method);
    }

    /**
     * The one-sample form: tests whether {@code differences} are symmetric about zero, exactly as
     * {@link #test(double[], double[], ZeroMethod, boolean, Alternative, Method)} does for {@code x − y}
     * (scipy's {@code wilcoxon(d)}).
     *
     * @throws IllegalArgumentException if {@code differences} is empty or contains NaN
     */
    public static WilcoxonResult test(double[] differences, ZeroMethod zeroMethod, boolean correction,
                                      Alternative alternative, Method method) {
        Objects.requireNonNull(differences, "differences");
        Preconditions.checkArgument(differences.length != 0, "differences is empty");
        Ranks.checkNoNaN(differences, "differences");
        return compute(differences.clone(), zeroMethod, correction, alternative, method);
    }

    /**
     * Two-sided Wilcoxon tests of every pair of columns, with the upper-triangle p-values adjusted as one family;
     * matches scikit-posthocs 0.12 {@code posthoc_wilcoxon(columns, method, zero_method, correction, p_adjust)}.
     *
     * <p>A pair whose test is undefined (every difference zero, asymptotic branch) gets a NaN p-value, as in
     * scikit-posthocs. In the adjustment it behaves as in statsmodels' {@code multipletests}: Bonferroni, Šidák,
     * Holm and Holm–Šidák count it in the family size and leave the other p-values defined; the step-up methods
     * (Simes–Hochberg, Hommel, Benjamini–Hochberg, Benjamini–Yekutieli) make every adjusted p-value NaN.
     *
     * @param columns    k ≥ 2 samples of equal length n ≥ 1, paired by position (for RAQ: one column per model,
     *                   one row per question)
     * @param zeroMethod the treatment of zero differences
     * @param correction the continuity correction of the normal approximation
     * @param method     the null distribution
     * @param adjustment the multiple-comparison adjustment of the k(k−1)/2 p-values
     * @return the k×k matrix of (adjusted) p-values, without pairwise statistics
     * @throws IllegalArgumentException if fewer than 2 columns are given, a column is empty, lengths differ, or a
     *                                  value is NaN
     */
    public static PostHocResult pairwise(double[][] columns, ZeroMethod zeroMethod, boolean correction,
                                         Method method, PAdjust adjustment) {
        PairedSamples.checkColumns(columns);
        Objects.requireNonNull(adjustment, "adjustment");
        int k = columns.length;
        double[] upper = new double[k * (k - 1) / 2];
        int index = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                upper[index++] = test(columns[i], columns[j], zeroMethod, correction, Alternative.TWO_SIDED, method)
                        .pValue();
            }
        }
        return new PostHocResult("Wilcoxon", adjustment, PairedSamples.adjustedMatrix(k, upper, adjustment), null);
    }

    private static WilcoxonResult compute(double[] d, ZeroMethod zeroMethod, boolean correction,
                                          Alternative alternative, Method method) {
        Objects.requireNonNull(zeroMethod, "zeroMethod");
        Objects.requireNonNull(alternative, "alternative");
        Objects.requireNonNull(method, "method");
        int n = d.length;
        int zeros = 0;
        for (double v : d) {
            if (v == 0) {
                zeros++;
            }
        }
        boolean dropZeros = zeroMethod == ZeroMethod.WILCOX;
        int count = dropZeros ? n - zeros : n;
        double[] signed = new double[count];
        double[] absolute = new double[count];
        int c = 0;
        for (double v : d) {
            if (!(dropZeros && v == 0)) {
                signed[c] = v;
                absolute[c] = Math.abs(v);
                c++;
            }
        }
        double[] ranks = Ranks.rank(absolute);
        double tieSum = Ranks.tieCubeSum(absolute);
        boolean hasTies = tieSum > 0;
        double rPlus = 0;
        double rMinus = 0;
        double zeroRanks = 0;
        for (int i = 0; i < count; i++) {
            if (signed[i] > 0) {
                rPlus += ranks[i];
            } else if (signed[i] < 0) {
                rMinus += ranks[i];
            } else {
                zeroRanks += ranks[i];
            }
        }
        double shift = zeroMethod == ZeroMethod.ZSPLIT ? zeroRanks / 2 : 0;
        rPlus += shift;
        rMinus += shift;

        WilcoxonResult.MethodUsed branch;
        if (method == Method.EXACT) {
            branch = WilcoxonResult.MethodUsed.EXACT;
        } else if (method == Method.ASYMPTOTIC || n > AUTO_EXACT_MAX_N) {
            branch = WilcoxonResult.MethodUsed.ASYMPTOTIC;
        } else if (!hasTies && zeros == 0) {
            branch = WilcoxonResult.MethodUsed.EXACT;
        } else if (n <= AUTO_PERMUTATION_MAX_N) {
            branch = WilcoxonResult.MethodUsed.PERMUTATION;
        } else {
            branch = WilcoxonResult.MethodUsed.ASYMPTOTIC;
        }

        double statistic = alternative == Alternative.TWO_SIDED ? Math.min(rPlus, rMinus) : rPlus;
        double pValue;
        double z = Double.NaN;
        switch (branch) {
            case EXACT:
                pValue = exactPValue(rPlus, count, alternative);
                break;
            case PERMUTATION:
                pValue = permutationPValue(rPlus, signed, ranks, shift, alternative);
                break;
            case ASYMPTOTIC: {
                double mean = count * (count + 1.0) * 0.25;
                double variance = count * (count + 1.0) * (2.0 * count + 1.0);
                if (zeroMethod == ZeroMethod.PRATT) {
                    mean -= zeros * (zeros + 1.0) * 0.25;
                    variance -= zeros * (zeros + 1.0) * (2.0 * zeros + 1.0);
                    // the zeros' tie group is not part of the tie correction
                    tieSum -= (double) zeros * zeros * zeros - zeros;
                }
                double se = Math.sqrt((variance - tieSum / 2) / 24);
                z = (rPlus - mean) / se;
                if (correction) {
                    double sign = alternative == Alternative.GREATER ? 1
                            : alternative == Alternative.LESS ? -1 : Math.signum(z);
                    z -= sign * 0.5 / se;
                }
                pValue = TailProbabilities.normalPValue(z, alternative);
                if (alternative == Alternative.TWO_SIDED) {
                    z = -Math.abs(z);
                }
                break;
            }
            default:
                throw new AssertionError(branch);
        }
        return new WilcoxonResult(statistic, pValue, z, branch);
    }

    /** scipy's exact p-value: the R+ distribution for {@code count} ranks, R+ rounded conservatively. */
    private static double exactPValue(double rPlus, int count, Alternative alternative) {
        double[] pmf = signedRankPmf(count);
        double mean = count * (count + 1) / 4.0;
        switch (alternative) {
            case LESS:
                return cdf(pmf, (int) Math.ceil(rPlus), mean);
            case GREATER:
                return sf(pmf, (int) Math.floor(rPlus), mean);
            case TWO_SIDED: {
                double p = 2 * Math.min(sf(pmf, (int) Math.floor(rPlus), mean),
                        cdf(pmf, (int) Math.ceil(rPlus), mean));
                return Math.min(1.0, Math.max(0.0, p));
            }
            default:
                throw new AssertionError(alternative);
        }
    }

    /** P(R+ ≤ k), summing the lower tail when k ≤ mean and {@code 1 − P(R+ ≥ k + 1)} otherwise, as scipy. */
    private static double cdf(double[] pmf, int k, double mean) {
        return k <= mean ? sum(pmf, 0, k + 1) : 1 - sum(pmf, k + 1, pmf.length);
    }

    /** P(R+ ≥ k), summing from k when k ≤ mean and {@code 1 − P(R+ ≤ k − 1)} otherwise, as scipy. */
    private static double sf(double[] pmf, int k, double mean) {
        return k <= mean ? sum(pmf, k, pmf.length) : 1 - sum(pmf, 0, k);
    }

    private static double sum(double[] values, int from, int to) {
        double s = 0;
        for (int i = Math.max(0, from); i < Math.min(to, values.length); i++) {
            s += values[i];
        }
        return s;
    }

    /**
     * The null distribution of R+ for ranks 1..n: {@code pmf[s]} = (number of subsets of {1..n} summing to s) / 2^n,
     * built one rank at a time (each step halves, so the values stay exact dyadic rationals up to n ≈ 50).
     */
    static double[] signedRankPmf(int n) {
        double[] pmf = {1.0};
        for (int r = 1; r <= n; r++) {
            double[] next = new double[r * (r + 1) / 2 + 1];
            for (int s = 0; s < pmf.length; s++) {
                next[s] += 0.5 * pmf[s];
                next[s + r] += 0.5 * pmf[s];
            }
            pmf = next;
        }
        return pmf;
    }

    /**
     * The exact permutation p-value over all sign flips of the differences: the observed R+ against the R+ of every
     * subset of the non-zero ranks (zeros flip onto themselves, so each pattern has the same multiplicity 2^zeros
     * and the ratios equal scipy's count over 2^n). Ties use scipy's relative tolerance of 100 machine epsilons.
     */
    private static double permutationPValue(double observed, double[] signed, double[] ranks, double shift,
                                             Alternative alternative) {
        int m = 0;
        for (double v : signed) {
            if (v != 0) {
                m++;
            }
        }
        double[] nonZeroRanks = new double[m];
        int c = 0;
        for (int i = 0; i < signed.length; i++) {
            if (signed[i] != 0) {
                nonZeroRanks[c++] = ranks[i];
            }
        }
        int patterns = 1 << m;
        double[] sums = new double[patterns];
        double gamma = Math.abs(100 * Math.ulp(1.0) * observed);
        long atMost = 0;
        long atLeast = 0;
        for (int mask = 0; mask < patterns; mask++) {
            if (mask > 0) {
                int low = Integer.numberOfTrailingZeros(mask);
                sums[mask] = sums[mask & (mask - 1)] + nonZeroRanks[low];
            }
            double value = sums[mask] + shift;
            if (value <= observed + gamma) {
                atMost++;
            }
            if (value >= observed - gamma) {
                atLeast++;
            }
        }
        double pLess = (double) atMost / patterns;
        double pGreater = (double) atLeast / patterns;
        switch (alternative) {
            case LESS:
                return pLess;
            case GREATER:
                return pGreater;
            case TWO_SIDED:
                return Math.min(1.0, 2 * Math.min(pLess, pGreater));
            default:
                throw new AssertionError(alternative);
        }
    }
}
