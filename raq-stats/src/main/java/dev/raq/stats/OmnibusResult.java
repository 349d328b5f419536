package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.Locale;
import java.util.Objects;

/**
 * The result of an omnibus rank test (Kruskal–Wallis, Friedman): the chi-square statistic, its p-value and degrees
 * of freedom.
 *
 * <p>{@code defined} is false when the statistic is undefined on valid input, namely when every observation is tied
 * (all values equal for Kruskal–Wallis, every block completely tied for Friedman): the variance of the ranks is
 * zero and the statistic is 0/0. scipy 1.17 returns NaN there; so do {@code statistic} and {@code pValue} of an
 * undefined result, and {@link #toString()} says "undefined". Check {@code defined} before using the numbers.
 *
 * @param test             a short name of the test ({@code "Kruskal-Wallis"}, {@code "Friedman"})
 * @param statistic        the tie-corrected chi-square statistic (H or Friedman's Q); NaN when undefined
 * @param pValue           the upper-tail chi-square p-value of the statistic, in [0, 1]; NaN when undefined
 * @param degreesOfFreedom k − 1 for k groups or treatments
 * @param defined          false when the statistic is 0/0 (all observations tied)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record OmnibusResult(String test, double statistic, double pValue, int degreesOfFreedom, boolean defined) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if degreesOfFreedom &lt; 1, a defined result has a NaN statistic or a p-value
     *                                  outside [0, 1], or an undefined one has numbers that are not NaN
     */
    public OmnibusResult {
        Objects.requireNonNull(test, "test");
        Preconditions.checkArgument(degreesOfFreedom >= 1, () ->
                "degreesOfFreedom must be at least 1 but was " + degreesOfFreedom);
        if (defined) {
            if (Double.isNaN(statistic)) {
                throw new IllegalArgumentException("a defined result needs a statistic but it was NaN");
            }
            Preconditions.checkArgument(pValue >= 0 && pValue <= 1, () -> "pValue must be in [0, 1] but was " + pValue);
        } else if (!Double.isNaN(statistic) || !Double.isNaN(pValue)) {
            throw new IllegalArgumentException("an undefined result has NaN statistic and pValue but had "
                    + statistic + " and " + pValue);
        }
    }

    /** An undefined result (all observations tied): statistic and p-value NaN. */
    static OmnibusResult undefined(String test, int degreesOfFreedom) {
        return new OmnibusResult(test, Double.NaN, Double.NaN, degreesOfFreedom, false);
    }

    /**
     * Whether the test rejects its null hypothesis (no difference between the groups) at level {@code alpha}:
     * {@code defined() && pValue() <= alpha}.
     *
     * @throws IllegalArgumentException if alpha is outside (0, 1)
     */
    public boolean isSignificant(double alpha) {
        Preconditions.checkArgument(alpha > 0 && alpha < 1, () -> "alpha must be in (0, 1) but was " + alpha);
        return defined && pValue <= alpha;
    }

    /** For example {@code "Friedman: chi2(3) = 12.4, p = 0.00613"} or {@code "Kruskal-Wallis: undefined (all
     * observations tied), df = 2"}. */
    @Override
    public String toString() {
        if (!defined) {
            return test + ": undefined (all observations tied), df = " + degreesOfFreedom;
        }
        return String.format(Locale.ROOT, "%s: chi2(%d) = %.6g, p = %.4g", test, degreesOfFreedom, statistic, pValue);
    }
}
