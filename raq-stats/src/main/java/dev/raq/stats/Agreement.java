package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.Arrays;
import java.util.Objects;

/**
 * Agreement between raters: Kendall's coefficient of concordance W for several rankings, and Cohen's kappa for two
 * raters' labels. Useful to check whether judges (or repeated calls of one judge) agree before trusting their
 * verdicts. Thread-safe: pure functions.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Agreement {

    private Agreement() {
    }

    /**
     * Kendall's coefficient of concordance W with the correction for ties, in [0, 1] (1 = every rater orders the
     * items the same way).
     *
     * <p>Each rater's values are ranked (average ranks for ties; scores or ranks both work, as long as all raters
     * use the same direction). With m raters, n items, {@code R_i} the rank sum of item i and {@code T_j = Σ(t³ − t)}
     * over the groups of tied values of rater j:
     * {@code W = 12·Σ(R_i − m(n + 1)/2)² / (m²(n³ − n) − m·Σ T_j)} (Legendre 2005, "Species associations: the
     * Kendall coefficient of concordance revisited", JABES 10(2): 226–245, the tie-corrected W). It equals the tie-corrected Friedman
     * statistic divided by m(n − 1). O(m·n log n).
     *
     * @param ratings one row per rater (judge), one column per item; at least 2 rows and 2 columns, all rows of the
     *                same length, no NaN
     * @return W; NaN (undefined, 0/0) only when every rater ties all items
     * @throws IllegalArgumentException if there are fewer than 2 raters or 2 items, rows differ in length, or a
     *                                  value is NaN
     */
    public static double kendallW(double[][] ratings) {
        Objects.requireNonNull(ratings, "ratings");
        Preconditions.checkArgument(ratings.length >= 2, () -> "ratings must have at least 2 rows (raters) but had "
                + ratings.length);
        for (int j = 0; j < ratings.length; j++) {
            Objects.requireNonNull(ratings[j], "ratings[" + j + "]");
            if (ratings[j].length != ratings[0].length) {
                throw new IllegalArgumentException("ratings[" + j + "] has " + ratings[j].length
                    + " items but ratings[0] has " + ratings[0].length);
            }
            Ranks.checkNoNaN(ratings[j], "ratings[" + j + "]");
        }
        int m = ratings.length;
        int n = ratings[0].length;
        Preconditions.checkArgument(n >= 2, () -> "ratings must have at least 2 columns (items) but had " + n);
        double[] rankSums = new double[n];
        double ties = 0;
        for (double[] rater : ratings) {
            double[] ranks = Ranks.rank(rater);
            for (int i = 0; i < n; i++) {
                rankSums[i] += ranks[i];
            }
            ties += Ranks.tieCubeSum(rater);
        }
        double meanRankSum = m * (n + 1) / 2.0;
        double s = 0;
        for (double r : rankSums) {
            s += (r - meanRankSum) * (r - meanRankSum);
        }
        double denominator = (double) m * m * ((double) n * n * n - n) - m * ties;
        return denominator == 0 ? Double.NaN : 12 * s / denominator;
    }

    /**
     * Cohen's kappa for two raters' nominal labels, unweighted; matches scikit-learn's
     * {@code cohen_kappa_score(rater1, rater2)}: {@code κ = (p_o − p_e)/(1 − p_e)}, where p_o is the observed share
     * of agreement and p_e the agreement expected from each rater's label frequencies. Labels are any ints (their
     * values carry no order). O(N log N).
     *
     * @param rater1 the first rater's label for each item
     * @param rater2 the second rater's label for each item, paired by position
     * @return kappa in [−1, 1]; NaN (undefined, 0/0, as scikit-learn) only when both raters give every item one and
     *         the same label
     * @throws IllegalArgumentException if the arrays differ in length or are empty
     */
    public static double cohenKappa(int[] rater1, int[] rater2) {
        Objects.requireNonNull(rater1, "rater1");
        Objects.requireNonNull(rater2, "rater2");
        Preconditions.checkArgument(rater1.length == rater2.length, () ->
                "rater1 and rater2 must have the same length but had "
                + rater1.length + " and " + rater2.length);
        Preconditions.checkArgument(rater1.length != 0, "rater1 and rater2 are empty");
        int n = rater1.length;
        int[] labels = new int[2 * n];
        System.arraycopy(rater1, 0, labels, 0, n);
        System.arraycopy(rater2, 0, labels, n, n);
        Arrays.sort(labels);
        int distinct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (i == 0 || labels[i] != labels[i - 1]) {
                labels[distinct++] = labels[i];
            }
        }
        long[] counts1 = new long[distinct];
        long[] counts2 = new long[distinct];
        long disagreements = 0;
        for (int i = 0; i < n; i++) {
            counts1[Arrays.binarySearch(labels, 0, distinct, rater1[i])]++;
            counts2[Arrays.binarySearch(labels, 0, distinct, rater2[i])]++;
            if (rater1[i] != rater2[i]) {
                disagreements++;
            }
        }
        // expected off-diagonal mass of the confusion matrix: (N² − Σ_c n1(c)·n2(c)) / N
        double chanceAgreements = 0;
        for (int c = 0; c < distinct; c++) {
            chanceAgreements += (double) counts1[c] * counts2[c];
        }
        double expectedDisagreements = ((double) n * n - chanceAgreements) / n;
        return expectedDisagreements == 0 ? Double.NaN : 1 - disagreements / expectedDisagreements;
    }
}
