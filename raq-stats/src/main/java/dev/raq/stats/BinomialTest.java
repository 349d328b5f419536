package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The exact binomial test of the null hypothesis that the probability of success is {@code p}; matches
 * {@code scipy.stats.binomtest} 1.17.
 *
 * <p>One-sided p-values are binomial tails ({@code less}: P(X ≤ k), {@code greater}: P(X ≥ k)). The two-sided
 * p-value sums the probabilities of every outcome no more likely than the observed one, where "no more likely" uses
 * scipy's relative tolerance: {@code pmf(i) ≤ pmf(k)·(1 + 1e-7)}. O(log n) probability evaluations. Thread-safe:
 * a pure function.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BinomialTest {

    /** scipy's relative tolerance for "as extreme as the observed outcome". */
    private static final double RELATIVE_ERROR = 1 + 1e-7;

    private BinomialTest() {
    }

    /**
     * Tests {@code k} successes in {@code n} trials against the success probability {@code p}.
     *
     * @param k           the number of successes, in [0, n]
     * @param n           the number of trials, at least 1
     * @param p           the success probability under the null hypothesis, in [0, 1]
     * @param alternative the alternative hypothesis ({@code GREATER}: the true probability exceeds {@code p})
     * @return k, n, the estimate k/n, the p-value and the alternative (for {@link BinomialTestResult#proportionCi})
     * @throws IllegalArgumentException if n &lt; 1, k is outside [0, n], or p is NaN or outside [0, 1]
     */
    public static BinomialTestResult test(int k, int n, double p, Alternative alternative) {
        Objects.requireNonNull(alternative, "alternative");
        Preconditions.checkArgument(n >= 1, () -> "n must be at least 1 but was " + n);
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("k must be in [0, n = " + n + "] but was " + k);
        }
        Preconditions.checkArgument(p >= 0 && p <= 1, () -> "p must be in [0, 1] but was " + p);
        double pValue;
        switch (alternative) {
            case LESS:
                pValue = TailProbabilities.binomialCdf(k, n, p);
                break;
            case GREATER:
                pValue = TailProbabilities.binomialSf(k - 1, n, p);
                break;
            case TWO_SIDED:
                pValue = Math.min(1.0, twoSided(k, n, p));
                break;
            default:
                throw new AssertionError(alternative);
        }
        return new BinomialTestResult(k, n, (double) k / n, pValue, alternative);
    }

    private static double twoSided(int k, int n, double p) {
        double threshold = TailProbabilities.binomialPmf(k, n, p) * RELATIVE_ERROR;
        double mode = p * n;
        if (k < mode) {
            // the terms above the mode decrease: find the first index whose probability is <= threshold
            int ix = lastAtMost(i -> -TailProbabilities.binomialPmf(i, n, p), -threshold, (int) Math.ceil(mode), n);
            int y = n - ix + (threshold == TailProbabilities.binomialPmf(ix, n, p) ? 1 : 0);
            return TailProbabilities.binomialCdf(k, n, p) + TailProbabilities.binomialSf(n - y, n, p);
        }
        int ix = lastAtMost(i -> TailProbabilities.binomialPmf(i, n, p), threshold, 0, (int) Math.floor(mode));
        int y = ix + 1;
        return TailProbabilities.binomialCdf(y - 1, n, p) + TailProbabilities.binomialSf(k - 1, n, p);
    }

    /** For {@code f} ascending on [lo, hi]: the index i with f(i) ≤ target &lt; f(i + 1) (lo − 1 when none). */
    private static int lastAtMost(java.util.function.IntToDoubleFunction f, double target, int lo, int hi) {
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            double value = f.applyAsDouble(mid);
            if (value < target) {
                lo = mid + 1;
            } else if (value > target) {
                hi = mid - 1;
            } else {
                lo = mid;
                hi = mid;
            }
        }
        return f.applyAsDouble(lo) <= target ? lo : lo - 1;
    }
}
