package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * Two-sided confidence intervals for a binomial proportion; matches statsmodels' {@code proportion_confint} 0.15
 * (and, for {@link Method#WILSON_CC}, scipy's {@code binomtest(...).proportion_ci(method='wilsoncc')} 1.17).
 *
 * <p>Bounds as the references return them: the normal, Agresti–Coull and Wilson intervals are clipped to [0, 1];
 * Clopper–Pearson has lower bound 0 when {@code count = 0} and upper bound 1 when {@code count = nobs}; the Jeffreys
 * interval is the plain equal-tailed Beta(count + ½, nobs − count + ½) interval, not truncated at 0 or 1. No method
 * yields NaN for valid input (the normal interval at count 0 or nobs is the degenerate interval [p, p]).
 * Thread-safe: pure functions.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ProportionCi {

    /** The interval method. */
    public enum Method {
        /** Wilson's score interval (statsmodels {@code wilson}); recommended for small samples. */
        WILSON,
        /** Wilson's score interval with continuity correction (Newcombe 1998; scipy {@code wilsoncc}). */
        WILSON_CC,
        /** The exact Clopper–Pearson interval from Beta quantiles (statsmodels {@code beta}, scipy {@code exact}). */
        CLOPPER_PEARSON,
        /** The Agresti–Coull "add z²/2 successes and failures" interval (statsmodels {@code agresti_coull}). */
        AGRESTI_COULL,
        /** The Jeffreys equal-tailed Bayesian interval (statsmodels {@code jeffreys}). */
        JEFFREYS,
        /** The normal-approximation (Wald) interval {@code p ± z·se} (statsmodels {@code normal}). */
        NORMAL
    }

    private ProportionCi() {
    }

    /**
     * The two-sided interval for {@code count} successes in {@code nobs} trials at level {@code 1 − alpha}.
     *
     * @param count  the number of successes, in [0, nobs]
     * @param nobs   the number of trials, at least 1
     * @param alpha  the significance level, in (0, 1): 0.05 gives a 95% interval
     * @param method the interval method
     * @return the interval, with level {@code 1 − alpha}
     * @throws IllegalArgumentException if nobs &lt; 1, count is outside [0, nobs], or alpha is outside (0, 1)
     */
    public static ConfidenceInterval of(int count, int nobs, double alpha, Method method) {
        checkCounts(count, nobs);
        return of((double) count, (double) nobs, alpha, method);
    }

    /**
     * The two-sided interval for a possibly fractional number of successes, such as wins with ties counted as half
     * a win, or weighted counts. Every method is evaluated at the real-valued count with the same formulas
     * (Clopper–Pearson and Jeffreys through Beta quantiles with real parameters); for whole counts the result equals
     * {@link #of(int, int, double, Method)}.
     *
     * @param count  the number of successes, in [0, nobs]
     * @param nobs   the number of trials, greater than 0
     * @param alpha  the significance level, in (0, 1)
     * @param method the interval method; {@link Method#WILSON_CC} needs whole counts
     * @return the interval, with level {@code 1 − alpha}
     * @throws IllegalArgumentException if nobs is not positive and finite, count is outside [0, nobs], alpha is
     *                                  outside (0, 1), or WILSON_CC is asked for with a fractional count
     */
    public static ConfidenceInterval of(double count, double nobs, double alpha, Method method) {
        Objects.requireNonNull(method, "method");
        if (!(nobs > 0) || Double.isInfinite(nobs)) {
            throw new IllegalArgumentException("nobs must be positive and finite but was " + nobs);
        }
        Preconditions.checkArgument(count >= 0 && count <= nobs, () ->
                "count must be in [0, nobs = " + nobs + "] but was " + count);
        Preconditions.checkArgument(alpha > 0 && alpha < 1, () -> "alpha must be in (0, 1) but was " + alpha);
        double level = 1 - alpha;
        double q = count / nobs;
        double lower;
        double upper;
        switch (method) {
            case NORMAL: {
                double dist = TailProbabilities.normalIsf(alpha / 2) * Math.sqrt(q * (1 - q) / nobs);
                lower = q - dist;
                upper = q + dist;
                break;
            }
            case AGRESTI_COULL: {
                double crit = TailProbabilities.normalIsf(alpha / 2);
                double nobsC = nobs + crit * crit;
                double qC = (count + crit * crit / 2.0) / nobsC;
                double dist = crit * Math.sqrt(qC * (1.0 - qC) / nobsC);
                lower = qC - dist;
                upper = qC + dist;
                break;
            }
            case WILSON: {
                double crit = TailProbabilities.normalIsf(alpha / 2);
                double crit2 = crit * crit;
                double denom = 1 + crit2 / nobs;
                double center = (q + crit2 / (2.0 * nobs)) / denom;
                double dist = crit * Math.sqrt(q * (1.0 - q) / nobs + crit2 / (4.0 * nobs * nobs)) / denom;
                lower = center - dist;
                upper = center + dist;
                break;
            }
            case WILSON_CC:
                if (count != Math.rint(count) || nobs != Math.rint(nobs)) {
                    throw new IllegalArgumentException("WILSON_CC needs whole counts but had " + count + " of " + nobs);
                }
                return wilsonScipy((int) count, (int) nobs, alpha, Alternative.TWO_SIDED, true);
            case CLOPPER_PEARSON:
                return clopperPearson(count, nobs, alpha, Alternative.TWO_SIDED);
            case JEFFREYS:
                lower = TailProbabilities.betaPpf(alpha / 2, count + 0.5, nobs - count + 0.5);
                upper = TailProbabilities.betaIsf(alpha / 2, count + 0.5, nobs - count + 0.5);
                return new ConfidenceInterval(lower, upper, level);
            default:
                throw new AssertionError(method);
        }
        return new ConfidenceInterval(clip(lower), clip(upper), level);
    }

    /**
     * The standard error of the estimated proportion, {@code sqrt(p(1 − p) / nobs)} with {@code p = count / nobs}.
     *
     * @param count the number of successes, in [0, nobs]
     * @param nobs  the number of trials, at least 1
     * @return the standard error; 0 when count is 0 or nobs
     * @throws IllegalArgumentException if nobs &lt; 1 or count is outside [0, nobs]
     */
    public static double standardError(int count, int nobs) {
        checkCounts(count, nobs);
        double p = (double) count / nobs;
        return Math.sqrt(p * (1 - p) / nobs);
    }

    /**
     * Clopper–Pearson from Beta quantiles at level {@code 1 − alpha} (alpha passed as given, so that tiny values keep
     * their precision); one-sided for GREATER (upper 1) and LESS (lower 0), as scipy.
     */
    static ConfidenceInterval clopperPearson(double k, double n, double alpha, Alternative alternative) {
        double level = 1 - alpha;
        double tail = alternative == Alternative.TWO_SIDED ? alpha / 2 : alpha;
        double lower = alternative == Alternative.LESS || k == 0 ? 0.0 : TailProbabilities.betaPpf(tail, k, n - k + 1.0);
        double upper = alternative == Alternative.GREATER || k == n
                ? 1.0 : TailProbabilities.betaIsf(tail, k + 1.0, n - k);
        return new ConfidenceInterval(lower, upper, level);
    }

    /**
     * Wilson's interval at level {@code 1 − alpha} with or without continuity correction, with scipy's formulas
     * (Newcombe 1998).
     */
    static ConfidenceInterval wilsonScipy(int k, int n, double alpha, Alternative alternative, boolean correction) {
        double level = 1 - alpha;
        double p = (double) k / n;
        double z = TailProbabilities.normalIsf(alternative == Alternative.TWO_SIDED ? alpha / 2 : alpha);
        double z2 = z * z;
        double denom = 2 * (n + z2);
        double center = (2 * n * p + z2) / denom;
        double q = 1 - p;
        double lower;
        double upper;
        if (correction) {
            lower = alternative == Alternative.LESS || k == 0
                    ? 0.0 : center - (1 + z * Math.sqrt(z2 - 2 - 1.0 / n + 4 * p * (n * q + 1))) / denom;
            upper = alternative == Alternative.GREATER || k == n
                    ? 1.0 : center + (1 + z * Math.sqrt(z2 + 2 - 1.0 / n + 4 * p * (n * q - 1))) / denom;
        } else {
            double delta = z / denom * Math.sqrt(4 * n * p * q + z2);
            lower = alternative == Alternative.LESS || k == 0 ? 0.0 : center - delta;
            upper = alternative == Alternative.GREATER || k == n ? 1.0 : center + delta;
        }
        return new ConfidenceInterval(lower, upper, level);
    }

    private static double clip(double v) {
        return Math.min(1.0, Math.max(0.0, v));
    }

    private static void checkCounts(int count, int nobs) {
        Preconditions.checkArgument(nobs >= 1, () -> "nobs must be at least 1 but was " + nobs);
        if (count < 0 || count > nobs) {
            throw new IllegalArgumentException("count must be in [0, nobs = " + nobs + "] but was " + count);
        }
    }
}
