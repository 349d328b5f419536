package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

/**
 * McNemar's test of two systems' pass/fail results on the same items: only the discordant items count — {@code b}
 * where the first system passed and the second failed, {@code c} the other way round. Exact (two-sided binomial of
 * {@code b} against {@code Binomial(b + c, 1/2)}), mid-p (Fagerland, Lydersen and Laake 2013: the exact p-value less
 * the point probability of {@code min(b, c)}), and the chi-square forms with and without continuity correction.
 * Matches statsmodels {@code contingency_tables.mcnemar} (exact and chi-square) and its documented edge values: with
 * no discordant item the exact p-value is 1, the mid-p undefined, and the chi-square forms give what their formulas
 * give in floating point. Stateless.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class McNemar {

    private McNemar() {
    }

    /**
     * The test of a 2 × 2 table {@code [[both pass, first only], [second only, both fail]]}.
     *
     * @throws IllegalArgumentException if the table is not 2 × 2 or holds a negative count
     */
    public static McNemarResult test(int[][] table) {
        if (table == null || table.length != 2 || table[0].length != 2 || table[1].length != 2) {
            throw new IllegalArgumentException("table must be 2 x 2");
        }
        for (int[] row : table) {
            for (int v : row) {
                Preconditions.checkArgument(v >= 0, () -> "table counts must be >= 0 but one was " + v);
            }
        }
        return test(table[0][1], table[1][0]);
    }

    /**
     * The test from the discordant counts.
     *
     * @param b items the first system passed and the second failed
     * @param c items the second system passed and the first failed
     * @throws IllegalArgumentException if a count is negative
     */
    public static McNemarResult test(int b, int c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must be >= 0 but were " + b + " and " + c);
        }
        int n = b + c;
        int k = Math.min(b, c);
        double exact;
        double midP;
        if (n == 0) {
            exact = 1.0;
            midP = Double.NaN;
        } else {
            double cdf = TailProbabilities.regularizedBeta(0.5, n - k, k + 1.0); // P(X <= k), X ~ Bin(n, 1/2)
            exact = Math.min(1.0, 2 * cdf);
            midP = exact - TailProbabilities.binomialPmf(k, n, 0.5);
        }
        double chi2 = (double) (b - c) * (b - c) / n;
        double corrected = (Math.abs(b - c) - 1.0) * (Math.abs(b - c) - 1.0) / n;
        return new McNemarResult(k, exact, midP, chi2, TailProbabilities.chiSquareSf(chi2, 1), corrected,
                TailProbabilities.chiSquareSf(corrected, 1));
    }
}
