package dev.raq.stats;

import org.hipparchus.special.Gamma;

import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Erf;

/**
 * Tail probabilities and quantiles at the accuracy the golden tests need (about 1e-14 relative), built on
 * Hipparchus' special functions. Tails are computed directly, never as {@code 1 − cdf}, so small p-values keep their
 * relative accuracy.
 */
final class TailProbabilities {

    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double BETA_EPSILON = 1e-15;
    private static final int BETA_MAX_ITERATIONS = 100_000;

    private TailProbabilities() {
    }

    /** P(Z ≤ z) of the standard normal distribution. */
    static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z / SQRT2);
    }

    /** P(Z &gt; z) of the standard normal distribution. */
    static double normalSf(double z) {
        return 0.5 * Erf.erfc(z / SQRT2);
    }

    /** The upper quantile z with P(Z &gt; z) = q, for q in (0, 1); refined by Newton steps on the tail. */
    static double normalIsf(double q) {
        double z = SQRT2 * Erf.erfcInv(2 * q);
        for (int i = 0; i < 3; i++) {
            double density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
            if (density == 0) {
                break;
            }
            z += (normalSf(z) - q) / density;
        }
        return z;
    }

    /** P-value of a standard normal statistic, as scipy's {@code _get_pvalue} (two-sided: {@code 2·sf(|z|)}). */
    static double normalPValue(double z, Alternative alternative) {
        switch (alternative) {
            case LESS:
                return normalCdf(z);
            case GREATER:
                return normalSf(z);
            case TWO_SIDED:
                return 2 * normalSf(Math.abs(z));
            default:
                throw new AssertionError(alternative);
        }
    }

    /** P(T &gt; t) of Student's t distribution with {@code df} degrees of freedom. */
    static double studentSf(double t, double df) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return t > 0 ? 0 : 1;
        }
        double x = df / (df + t * t);
        double tail = 0.5 * regularizedBeta(x, 0.5 * df, 0.5);
        return t > 0 ? tail : 1 - tail;
    }

    /** P(X &gt; x) for a chi-square X with {@code df} degrees of freedom, computed directly (not as 1 − cdf); 1 for
     * x ≤ 0, NaN for NaN. */
    static double chiSquareSf(double x, double df) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1.0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        return Gamma.regularizedGammaQ(df / 2, x / 2);
    }

    /**
     * The upper quantile t with P(T &gt; t) = q of Student's t with {@code df} degrees of freedom, for q in (0, 1):
     * Hipparchus' inverse as a start, refined by Newton steps on {@link #studentSf} so it agrees with scipy's
     * {@code t.isf} to about 1e-13 relative.
     */
    static double studentIsf(double q, double df) {
        org.hipparchus.distribution.continuous.TDistribution dist =
                new org.hipparchus.distribution.continuous.TDistribution(df);
        double t = dist.inverseCumulativeProbability(1 - q);
        for (int i = 0; i < 5; i++) {
            double density = dist.density(t);
            if (density == 0) {
                break;
            }
            double step = (studentSf(t, df) - q) / density;
            t += step;
            if (Math.abs(step) <= 1e-15 * Math.abs(t)) {
                break;
            }
        }
        return t;
    }

    /** P-value of a Student t statistic (two-sided: {@code 2·sf(|t|)}). */
    static double studentPValue(double t, double df, Alternative alternative) {
        switch (alternative) {
            case LESS:
                return studentSf(-t, df);
            case GREATER:
                return studentSf(t, df);
            case TWO_SIDED:
                return 2 * studentSf(Math.abs(t), df);
            default:
                throw new AssertionError(alternative);
        }
    }

    /** The regularized incomplete beta function I_x(a, b), with a tight convergence tolerance. */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        return Beta.regularizedBeta(x, a, b, BETA_EPSILON, BETA_MAX_ITERATIONS);
    }

    /** P(X = k) for X ~ Binomial(n, p). */
    static double binomialPmf(int k, int n, double p) {
        if (k < 0 || k > n) {
            return 0;
        }
        if (p == 0) {
            return k == 0 ? 1 : 0;
        }
        if (p == 1) {
            return k == n ? 1 : 0;
        }
        return new BinomialDistribution(n, p).probability(k);
    }

    /** P(X ≤ k) for X ~ Binomial(n, p); 0 for k &lt; 0 and 1 for k ≥ n. */
    static double binomialCdf(int k, int n, double p) {
        if (k < 0) {
            return 0;
        }
        if (k >= n) {
            return 1;
        }
        return regularizedBeta(1 - p, n - k, k + 1.0);
    }

    /** P(X &gt; k) for X ~ Binomial(n, p); 1 for k &lt; 0 and 0 for k ≥ n. */
    static double binomialSf(int k, int n, double p) {
        if (k < 0) {
            return 1;
        }
        if (k >= n) {
            return 0;
        }
        return regularizedBeta(p, k + 1.0, n - (double) k);
    }

    /**
     * The quantile x of the Beta(a, b) distribution with I_x(a, b) = q, for q in (0, 1): Newton steps safeguarded by
     * bisection, to full double precision (Hipparchus' generic inverse stops at 1e-9 absolute).
     */
    static double betaPpf(double q, double a, double b) {
        double lo = 0;
        double hi = 1;
        double logNorm = Beta.logBeta(a, b);
        double x = a / (a + b);
        for (int iteration = 0; iteration < 2000; iteration++) {
            double f = regularizedBeta(x, a, b) - q;
            if (f == 0) {
                return x;
            }
            if (f < 0) {
                lo = x;
            } else {
                hi = x;
            }
            double density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logNorm);
            double next = x - f / density;
            if (!(next > lo && next < hi) || density == 0 || Double.isInfinite(density)) {
                next = lo > 0 && hi / lo > 4 ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
            }
            if (next == x || Math.abs(next - x) <= 1e-16 * x || Math.nextUp(lo) >= hi) {
                return next;
            }
            x = next;
        }
        return x;
    }

    /** The upper quantile x with 1 − I_x(a, b) = q, computed as {@code 1 − ppf(q; b, a)}. */
    static double betaIsf(double q, double a, double b) {
        return 1 - betaPpf(q, b, a);
    }
}
