package dev.raq.stats;

import org.apiguardian.api.API;

/**
 * The result of a rank correlation ({@link Correlation#spearman}, {@link Correlation#kendallTau}).
 *
 * @param statistic the correlation coefficient in [−1, 1], or NaN when undefined
 * @param pValue    the p-value of the test of zero correlation, in [0, 1], or NaN when undefined
 * @param defined   false when the reference returns NaN: a constant input (no ranking to correlate), or too few
 *                  pairs for the test (see each method); then both numbers are NaN
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CorrelationResult(double statistic, double pValue, boolean defined) {

    /**
     * Validates the ranges: a defined result has a statistic in [−1, 1] and a p-value in [0, 1]; an undefined one
     * has NaN for both.
     *
     * @throws IllegalArgumentException if the values do not fit {@code defined}
     */
    public CorrelationResult {
        if (defined) {
            if (!(statistic >= -1 && statistic <= 1) || !(pValue >= 0 && pValue <= 1)) {
                throw new IllegalArgumentException("a defined correlation needs statistic in [-1, 1] and pValue in "
                        + "[0, 1] but had " + statistic + " and " + pValue);
            }
        } else if (!Double.isNaN(statistic) || !Double.isNaN(pValue)) {
            throw new IllegalArgumentException("an undefined correlation has NaN statistic and pValue but had "
                    + statistic + " and " + pValue);
        }
    }

    /** The undefined result: NaN statistic and p-value. */
    static CorrelationResult undefined() {
        return new CorrelationResult(Double.NaN, Double.NaN, false);
    }
}
