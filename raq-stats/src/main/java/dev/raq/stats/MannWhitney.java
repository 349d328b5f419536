package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The Mann–Whitney U (Wilcoxon rank-sum) test of two independent samples. Matches {@code scipy.stats.mannwhitneyu}
 * 1.17, including its automatic method choice and its exact null distribution.
 *
 * <p>U₁ = R₁ − n₁(n₁+1)/2 where R₁ is the rank sum of {@code x} in the pooled average ranking. The p-value uses
 * U = U₁ for {@link Alternative#GREATER}, U₂ = n₁n₂ − U₁ for {@link Alternative#LESS} and max(U₁, U₂) (doubled, capped
 * at 1) for {@link Alternative#TWO_SIDED}:
 * <ul>
 *   <li>{@link Method#EXACT}: P(U' ≥ ⌊U⌋) under the exact null distribution of U' for untied data (scipy truncates a
 *   tied U the same way, and the distribution ignores ties). The distribution is the Gaussian binomial
 *   coefficient [n₁+n₂ choose n₁]_q, built by n₁ polynomial steps truncated at degree min(U, n₁n₂ − U) in
 *   normalised probabilities: O(min(n₁, n₂)·n₁n₂) time and O(n₁n₂) memory (n₁n₂ ≤ 2³⁰).</li>
 *   <li>{@link Method#ASYMPTOTIC}: z = (U − n₁n₂/2 − ½·[continuity]) / sqrt(n₁n₂/12 · ((N+1) − T/(N(N−1)))) with the
 *   tie term T = Σ(t³ − t); p = P(Z ≥ z). When every value is equal and continuity is off this is 0/0 and the
 *   p-value is NaN (as scipy); with continuity it is 1.</li>
 *   <li>{@link Method#AUTO}: asymptotic when both samples have more than 8 values or there are ties, else exact.</li>
 * </ul>
 * Thread-safe: pure functions.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MannWhitney {

    /** How the p-value is computed, as scipy's {@code method} argument. */
    public enum Method {
        /** scipy's rule: {@link #ASYMPTOTIC} if both samples have more than 8 values or the data have ties, else
         * {@link #EXACT}. */
        AUTO,
        /** The exact null distribution of U (assumes no ties). */
        EXACT,
        /** The normal approximation with tie correction. */
        ASYMPTOTIC
    }

    private static final int AUTO_EXACT_MAX_SIZE = 8;
    /** The exact distribution is held in an array of about n₁n₂/2 doubles. */
    static final long EXACT_MAX_PRODUCT = 1L << 30;

    private MannWhitney() {
    }

    /**
     * The two-sided test with scipy's defaults: {@link Method#AUTO} and the continuity correction.
     *
     * @see #test(double[], double[], Alternative, Method, boolean)
     */
    public static MannWhitneyResult test(double[] x, double[] y) {
        return test(x, y, Alternative.TWO_SIDED, Method.AUTO, true);
    }

    /**
     * Runs the test.
     *
     * @param x             the first sample, non-empty, no NaN
     * @param y             the second sample, non-empty, no NaN
     * @param alternative   {@link Alternative#GREATER}: x tends to be larger than y
     * @param method        how the p-value is computed
     * @param useContinuity whether the asymptotic method applies the continuity correction of ½ (scipy default
     *                      true); ignored by the exact method
     * @return U of x and the p-value
     * @throws IllegalArgumentException if a sample is empty or contains NaN ("x[3] is NaN"), or {@link Method#EXACT}
     *                                  is asked for with n₁·n₂ above 2³⁰
     */
    public static MannWhitneyResult test(double[] x, double[] y, Alternative alternative, Method method,
                                         boolean useContinuity) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(alternative, "alternative");
        Objects.requireNonNull(method, "method");
        Preconditions.checkArgument(x.length != 0, "x is empty");
        Preconditions.checkArgument(y.length != 0, "y is empty");
        RankTestInput.checkFinite(x, "x");
        RankTestInput.checkFinite(y, "y");
        PooledRanks ranks = PooledRanks.of(new double[][] {x, y});
        int n1 = x.length;
        int n2 = y.length;
        double product = (double) n1 * n2;
        double u1 = ranks.rankSums[0] - n1 * (n1 + 1.0) / 2;
        double u2 = product - u1;
        double u;
        double factor = 1;
        switch (alternative) {
            case GREATER:
                u = u1;
                break;
            case LESS:
                u = u2;
                break;
            case TWO_SIDED:
                u = Math.max(u1, u2);
                factor = 2;
                break;
            default:
                throw new AssertionError(alternative);
        }
        Method used = method;
        if (method == Method.AUTO) {
            boolean small = n1 <= AUTO_EXACT_MAX_SIZE || n2 <= AUTO_EXACT_MAX_SIZE;
            used = small && ranks.tieCubeSum == 0 ? Method.EXACT : Method.ASYMPTOTIC;
        }
        if (used == Method.EXACT && product > EXACT_MAX_PRODUCT) {
            throw new IllegalArgumentException("the exact method supports x.length * y.length up to "
                    + EXACT_MAX_PRODUCT + " but it was " + (long) product + "; use Method.ASYMPTOTIC");
        }
        double p;
        if (used == Method.EXACT) {
            p = exactSf((long) Math.floor(u), n1, n2);
        } else {
            double n = n1 + (double) n2;
            double s = Math.sqrt(product / 12 * ((n + 1) - ranks.tieCubeSum / (n * (n - 1))));
            double numerator = u - product / 2 - (useContinuity ? 0.5 : 0);
            p = TailProbabilities.normalSf(numerator / s);
        }
        p = Math.min(1.0, Math.max(0.0, p * factor));
        return new MannWhitneyResult(u1, p);
    }

    /** P(U' ≥ u) under the exact null distribution of U' for sample sizes m and n (no ties). */
    static double exactSf(long u, int m, int n) {
        long max = (long) m * n;
        if (u <= 0) {
            return 1.0;
        }
        if (u > max) {
            return 0.0;
        }
        // symmetric distribution: P(U' >= u) = P(U' <= mn - u); sum whichever tail is shorter
        if (max - u <= u - 1) {
            return exactCdf((int) (max - u), m, n);
        }
        return 1.0 - exactCdf((int) (u - 1), m, n);
    }

    /**
     * P(U' ≤ d) for d ≤ mn/2: the coefficients 0..d of the Gaussian binomial [m+n choose m]_q divided by C(m+n, m),
     * built as Π_{i=1}^{s} (1 − q^{l+i}) / (1 − q^i) over the smaller size s and larger size l, keeping each partial
     * product normalised to total mass 1.
     */
    static double exactCdf(int d, int m, int n) {
        int s = Math.min(m, n);
        int l = Math.max(m, n);
        double[] c = new double[d + 1];
        c[0] = 1;
        for (int i = 1; i <= s; i++) {
            int shift = l + i;
            for (int u = d; u >= shift; u--) {
                c[u] -= c[u - shift];
            }
            for (int u = i; u <= d; u++) {
                c[u] += c[u - i];
            }
            double scale = (double) i / shift;
            for (int u = 0; u <= d; u++) {
                c[u] *= scale;
            }
        }
        double sum = 0;
        for (int u = 0; u <= d; u++) {
            sum += c[u];
        }
        return Math.min(1.0, sum);
    }
}
