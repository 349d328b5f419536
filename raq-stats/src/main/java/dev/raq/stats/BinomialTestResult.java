package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The result of an exact binomial test ({@link BinomialTest}, {@link SignTest}), as scipy's
 * {@code BinomTestResult}.
 *
 * @param k           the number of successes
 * @param n           the number of trials
 * @param statistic   the estimated success probability {@code k / n}
 * @param pValue      the p-value of the test, in [0, 1]
 * @param alternative the alternative hypothesis the test used; it decides whether {@link #proportionCi} is one- or
 *                    two-sided
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BinomialTestResult(int k, int n, double statistic, double pValue, Alternative alternative) {

    /**
     * Validates the counts and the p-value.
     *
     * @throws IllegalArgumentException if n &lt; 1, k is outside [0, n], or the p-value is outside [0, 1]
     */
    public BinomialTestResult {
        Objects.requireNonNull(alternative, "alternative");
        if (n < 1 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n and n >= 1 but k = " + k + ", n = " + n);
        }
        Preconditions.checkArgument(pValue >= 0 && pValue <= 1, () -> "pValue must be in [0, 1] but was " + pValue);
    }

    /** A two-sided result: the same as the canonical constructor with {@link Alternative#TWO_SIDED}. */
    public BinomialTestResult(int k, int n, double statistic, double pValue) {
        this(k, n, statistic, pValue, Alternative.TWO_SIDED);
    }

    /**
     * The confidence interval of the success probability; matches scipy's {@code BinomTestResult.proportion_ci}
     * 1.17, including its one-sided intervals: for {@code GREATER} the upper bound is 1, for {@code LESS} the lower
     * bound is 0, each at the full confidence level.
     *
     * @param confidenceLevel the confidence level, in (0, 1), such as 0.95 (scipy's default)
     * @param method          {@link ProportionCi.Method#CLOPPER_PEARSON} (scipy's {@code exact}, the default there),
     *                        {@link ProportionCi.Method#WILSON} or {@link ProportionCi.Method#WILSON_CC}
     * @return the interval, with level {@code confidenceLevel}
     * @throws IllegalArgumentException if the level is outside (0, 1), below 0.5 for a one-sided alternative (the
     *                                  interval would be inverted), or the method is not one of the three above
     */
    public ConfidenceInterval proportionCi(double confidenceLevel, ProportionCi.Method method) {
        Objects.requireNonNull(method, "method");
        Preconditions.checkArgument(confidenceLevel > 0 && confidenceLevel < 1, () ->
                "confidenceLevel must be in (0, 1) but was " + confidenceLevel);
        if (alternative != Alternative.TWO_SIDED && confidenceLevel < 0.5) {
            throw new IllegalArgumentException("a one-sided interval needs confidenceLevel >= 0.5 but was "
                    + confidenceLevel);
        }
        double alpha = 1 - confidenceLevel;
        ConfidenceInterval ci;
        switch (method) {
            case CLOPPER_PEARSON:
                ci = ProportionCi.clopperPearson(k, n, alpha, alternative);
                break;
            case WILSON:
                ci = ProportionCi.wilsonScipy(k, n, alpha, alternative, false);
                break;
            case WILSON_CC:
                ci = ProportionCi.wilsonScipy(k, n, alpha, alternative, true);
                break;
            default:
                throw new IllegalArgumentException("method must be CLOPPER_PEARSON, WILSON or WILSON_CC (as scipy's "
                        + "proportion_ci) but was " + method);
        }
        return new ConfidenceInterval(ci.lower(), ci.upper(), confidenceLevel);
    }
}
