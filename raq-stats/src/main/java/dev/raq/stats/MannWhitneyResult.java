package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.Locale;

/**
 * The result of a Mann–Whitney U test.
 *
 * @param statistic U of the first sample: its rank sum in the pooled average ranking minus n₁(n₁+1)/2, in
 *                  [0, n₁·n₂]
 * @param pValue    the p-value for the requested alternative, in [0, 1]; NaN only in the one case where scipy's
 *                  normal approximation is 0/0 (every observation equal, asymptotic method, no continuity
 *                  correction), see {@link MannWhitney}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record MannWhitneyResult(double statistic, double pValue) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the statistic is NaN or negative, or the p-value is outside [0, 1]
     */
    public MannWhitneyResult {
        Preconditions.checkArgument(statistic >= 0, () -> "statistic must be >= 0 but was " + statistic);
        if (!(pValue >= 0 && pValue <= 1) && !Double.isNaN(pValue)) {
            throw new IllegalArgumentException("pValue must be in [0, 1] but was " + pValue);
        }
    }

    /** Whether the p-value is defined (not NaN). */
    public boolean defined() {
        return !Double.isNaN(pValue);
    }

    /** For example {@code "Mann-Whitney U = 12.5, p = 0.0431"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Mann-Whitney U = %.6g, p = %s", statistic,
                Double.isNaN(pValue) ? "undefined" : String.format(Locale.ROOT, "%.4g", pValue));
    }
}
