package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.special.Gamma;

/**
 * How many questions a comparison of two systems on the same questions needs, and what a given number can detect:
 * the normal-approximation sample size for paired binary scores with a design effect for clusters (Miller 2024,
 * "Adding Error Bars to Evals", power analysis), and the exact sample size of a two-sided paired t test (the
 * noncentral t, as statsmodels' {@code TTestPower.solve_power}). Stateless.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PowerAnalysis {

    private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();

    private PowerAnalysis() {
    }

    /**
     * The sample size to detect {@code delta} between two systems' pass rates on the same questions.
     *
     * @param pA          the first system's pass rate, in (0, 1)
     * @param pB          the second's, in (0, 1)
     * @param correlation the correlation of their per-question results, in [−1, 1]
     * @param delta       the difference to detect, &gt; 0
     * @param clusterSize questions per cluster (1 without clusters), ≥ 1
     * @param icc         the intra-cluster correlation, in [0, 1]
     * @param alpha       the two-sided significance level, in (0, 1)
     * @param power       the power to reach, in (0, 1)
     * @return the plan: the variance of the per-question difference, n with and without the design effect, and
     *         what other sample sizes detect ({@link PowerPlan#minimumDetectableDifference},
     *         {@link PowerPlan#powerAt})
     * @throws IllegalArgumentException naming the first argument out of range
     */
    public static PowerPlan pairedBinary(double pA, double pB, double correlation, double delta, int clusterSize,
                                         double icc, double alpha, double power) {
        requireOpenUnit("pA", pA);
        requireOpenUnit("pB", pB);
        Preconditions.checkArgument(correlation >= -1 && correlation <= 1, () ->
                "correlation must be in [-1, 1] but was " + correlation);
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("delta must be > 0 but was " + delta);
        }
        Preconditions.checkArgument(clusterSize >= 1, () -> "clusterSize must be >= 1 but was " + clusterSize);
        Preconditions.checkArgument(icc >= 0 && icc <= 1, () -> "icc must be in [0, 1] but was " + icc);
        requireOpenUnit("alpha", alpha);
        requireOpenUnit("power", power);
        double va = pA * (1 - pA);
        double vb = pB * (1 - pB);
        double omega2 = va + vb - 2 * correlation * Math.sqrt(va * vb);
        double za = TailProbabilities.normalIsf(alpha / 2);
        double zb = TailProbabilities.normalIsf(1 - power);
        double multiplier = (za + zb) * (za + zb);
        double n = multiplier * omega2 / (delta * delta);
        double designEffect = 1 + (clusterSize - 1) * icc;
        return new PowerPlan(omega2, multiplier, n, designEffect, n * designEffect, alpha,
                pairedTSampleSize(delta / Math.sqrt(omega2), alpha, power));
    }

    /**
     * The (real) number of pairs at which a two-sided paired t test of standardized effect {@code effect} at
     * {@code alpha} reaches {@code power}: the root of the noncentral-t power, as statsmodels'
     * {@code TTestPower().solve_power(effect, alpha=alpha, power=power)}.
     *
     * @throws IllegalArgumentException if the effect is not positive or alpha or power is outside (0, 1)
     */
    public static double pairedTSampleSize(double effect, double alpha, double power) {
        if (!(effect > 0) || Double.isInfinite(effect)) {
            throw new IllegalArgumentException("effect must be > 0 but was " + effect);
        }
        requireOpenUnit("alpha", alpha);
        requireOpenUnit("power", power);
        double guess = Math.pow(TailProbabilities.normalIsf(alpha / 2) + TailProbabilities.normalIsf(1 - power), 2)
                / (effect * effect);
        double lo = 2;
        double hi = Math.max(4, 2 * guess + 10);
        while (pairedTPower(effect, hi, alpha) < power) {
            hi *= 2;
        }
        return new BrentSolver(1e-12, 1e-10).solve(10_000, n -> pairedTPower(effect, n, alpha) - power, lo, hi);
    }

    /**
     * The power of a two-sided paired t test of standardized effect {@code effect} with {@code n} pairs:
     * {@code P(T' > t_crit) + P(T' < −t_crit)} for a noncentral t with {@code n − 1} degrees of freedom and
     * noncentrality {@code effect·√n}.
     */
    public static double pairedTPower(double effect, double n, double alpha) {
        double df = n - 1;
        double crit = TailProbabilities.studentIsf(alpha / 2, df);
        double nc = effect * Math.sqrt(n);
        return nctBelow(-crit, df, nc) + (1 - nctBelow(crit, df, nc));
    }

    /**
     * P(T' ≤ t) of a noncentral t: {@code E[Φ(t·√(W/ν) − nc)]} over W ~ χ²(ν), by 32-point Gauss–Legendre on 256
     * equal pieces of the range that holds the χ² density (ν ± 40 standard deviations).
     */
    static double nctBelow(double t, double df, double nc) {
        double sd = Math.sqrt(2 * df);
        double lo = Math.max(0, df - 40 * sd);
        double hi = df + 40 * sd + 50;
        double logNorm = -(df / 2) * Math.log(2) - Gamma.logGamma(df / 2);
        int pieces = 256;
        double width = (hi - lo) / pieces;
        double sum = 0;
        for (int p = 0; p < pieces; p++) {
            double a = lo + p * width;
            sum += GAUSS.legendre(32, a, a + width).integrate(w -> {
                double density = Math.exp(logNorm + (df / 2 - 1) * Math.log(w) - w / 2);
                return density * TailProbabilities.normalCdf(t * Math.sqrt(w / df) - nc);
            });
        }
        return Math.min(1, Math.max(0, sum));
    }

    private static void requireOpenUnit(String name, double v) {
        Preconditions.checkArgument(v > 0 && v < 1, () -> name + " must be in (0, 1) but was " + v);
    }
}
