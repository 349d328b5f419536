package dev.raq.stats;

import org.apiguardian.api.API;

import java.util.Locale;
import java.util.Objects;

/**
 * The result of a Wilcoxon signed-rank test ({@link Wilcoxon#test}).
 *
 * @param statistic  two-sided: {@code min(R+, R−)}; one-sided: {@code R+} (scipy's convention), after the zero
 *                   treatment
 * @param pValue     the p-value in [0, 1], or NaN when the test is undefined (see {@link #isDefined()})
 * @param zStatistic the standardised statistic of the normal approximation (after the continuity correction;
 *                   two-sided: {@code −|z|}) when {@link #methodUsed()} is {@link MethodUsed#ASYMPTOTIC}; NaN for the
 *                   exact and permutation branches, which have none
 * @param methodUsed which null distribution produced the p-value
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WilcoxonResult(double statistic, double pValue, double zStatistic, MethodUsed methodUsed) {

    /** The null distribution that produced the p-value; scipy's names are {@link #scipyName()}. */
    public enum MethodUsed {
        /** The exact distribution of R+ for tie- and zero-free data. */
        EXACT,
        /** All 2^n sign flips of the differences enumerated exactly (small samples with ties or zeros). */
        PERMUTATION,
        /** The normal approximation with tie (and Pratt zero) corrections. */
        ASYMPTOTIC;

        /** The branch's name in scipy and the golden files: {@code exact}, {@code permutation}, {@code asymptotic}. */
        public String scipyName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Validates the p-value range. */
    public WilcoxonResult {
        Objects.requireNonNull(methodUsed, "methodUsed");
        if (pValue < 0 || pValue > 1) {
            throw new IllegalArgumentException("pValue must be in [0, 1] or NaN but was " + pValue);
        }
    }

    /**
     * False when the p-value is undefined (NaN): the normal approximation with no non-zero difference left to rank
     * (every difference zero under the {@code WILCOX} or {@code PRATT} zero treatment), where scipy returns NaN too.
     */
    public boolean isDefined() {
        return !Double.isNaN(pValue);
    }
}
