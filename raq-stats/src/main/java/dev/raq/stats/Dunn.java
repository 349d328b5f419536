package dev.raq.stats;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * Dunn's post-hoc test after Kruskal–Wallis: pairwise comparisons of the mean ranks of k independent groups, with the
 * tie correction; the test the RAQ paper uses (with Holm's adjustment). Matches scikit-posthocs 0.12
 * {@code posthoc_dunn}.
 *
 * <p>All N values are ranked together (average ranks). For groups i and j,
 * z = (R̄_i − R̄_j) / sqrt((N(N+1)/12 − T/(12(N−1))) (1/n_i + 1/n_j)) with T = Σ(t³ − t) over tie groups, and the
 * two-sided p-value is 2·P(Z ≥ |z|). The k(k−1)/2 p-values of the upper triangle (row-major, i &lt; j) are adjusted as
 * one family. O(N log N) plus O(k²). Thread-safe: a pure function.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Dunn {

    private Dunn() {
    }

    /**
     * Runs the test.
     *
     * @param groups     at least two samples, each non-empty, sizes may differ; NaN is rejected
     * @param adjustment the multiple-comparison adjustment of the pairwise p-values ({@link PAdjust#HOLM} in the RAQ
     *                   paper, {@link PAdjust#NONE} for raw p-values)
     * @return the k×k matrix of adjusted two-sided p-values (1 on the diagonal) and the k×k matrix of signed z
     *         statistics (positive when group i has the higher mean rank; 0 on the diagonal). When every value is
     *         equal the rank variance is 0, z is 0/0 and every off-diagonal p-value and statistic is NaN, as in
     *         scikit-posthocs
     * @throws IllegalArgumentException if fewer than two groups are given, a group is null or empty, or a value is
     *                                  NaN ("groups[2] is empty")
     */
    public static PostHocResult test(double[][] groups, PAdjust adjustment) {
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(adjustment, "adjustment");
        RankTestInput.checkGroups(groups, "groups");
        PooledRanks ranks = PooledRanks.of(groups);
        int k = groups.length;
        double n = ranks.total;
        double variance = n * (n + 1) / 12.0 - ranks.tieCubeSum / (12.0 * (n - 1));
        double[][] z = new double[k][k];
        double[] raw = new double[k * (k - 1) / 2];
        int pair = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double se = Math.sqrt(variance * (1.0 / ranks.sizes[i] + 1.0 / ranks.sizes[j]));
                double zij = variance > 0 ? (ranks.meanRank(i) - ranks.meanRank(j)) / se : Double.NaN;
                z[i][j] = zij;
                z[j][i] = -zij;
                raw[pair++] = 2 * TailProbabilities.normalSf(Math.abs(zij));
            }
        }
        return new PostHocResult("Dunn", adjustment, PostHocMatrices.adjusted(raw, k, adjustment), z);
    }
}
