package dev.raq.stats;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The Nemenyi post-hoc test after Kruskal–Wallis: pairwise comparisons of the mean ranks of k independent groups
 * whose p-values control the family-wise error rate by construction (no further adjustment). Matches scikit-posthocs
 * 0.12 {@code posthoc_nemenyi(groups, dist)}.
 *
 * <p>All N values are ranked together (average ranks); for groups i and j let
 * d = (R̄_i − R̄_j) / sqrt(N(N+1)/12 · (1/n_i + 1/n_j)).
 * <ul>
 *   <li>{@link NemenyiDistribution#CHI_SQUARE}: χ² = d² / C with C = min(1, 1 − T/(N³ − N)) (tie correction),
 *   p = P(χ²_{k−1} ≥ χ²). When every value is equal C = 0 and every off-diagonal p-value is NaN, as in
 *   scikit-posthocs. The statistics matrix holds the signed root d/√C.</li>
 *   <li>{@link NemenyiDistribution#STUDENTIZED_RANGE}: q = √2·d (no tie correction in this branch, as in
 *   scikit-posthocs), p = P(Q_{k,∞} ≥ |q|) from {@link StudentizedRange}. The statistics matrix holds q.</li>
 * </ul>
 * Statistics are signed: positive when group i has the higher mean rank. O(N log N) plus O(k²) distribution
 * evaluations. Thread-safe: a pure function.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Nemenyi {

    private Nemenyi() {
    }

    /**
     * Runs the test.
     *
     * @param groups       at least two samples, each non-empty, sizes may differ; NaN is rejected
     * @param distribution the reference distribution (scikit-posthocs' default is {@link
     *                     NemenyiDistribution#CHI_SQUARE})
     * @return the k×k matrix of p-values (1 on the diagonal; adjustment {@link PAdjust#NONE}) and the signed
     *         statistics described above
     * @throws IllegalArgumentException if fewer than two groups are given, a group is null or empty, or a value is
     *                                  NaN ("groups[2] is empty")
     */
    public static PostHocResult test(double[][] groups, NemenyiDistribution distribution) {
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(distribution, "distribution");
        RankTestInput.checkGroups(groups, "groups");
        PooledRanks ranks = PooledRanks.of(groups);
        int k = groups.length;
        double n = ranks.total;
        double correction = Math.min(1.0, KruskalWallis.tieCorrection(ranks));
        double[][] statistics = new double[k][k];
        double[] p = new double[k * (k - 1) / 2];
        int pair = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double d = (ranks.meanRank(i) - ranks.meanRank(j))
                        / Math.sqrt(n * (n + 1) / 12.0 * (1.0 / ranks.sizes[i] + 1.0 / ranks.sizes[j]));
                double statistic;
                if (distribution == NemenyiDistribution.CHI_SQUARE) {
                    statistic = correction > 0 ? d / Math.sqrt(correction) : Double.NaN;
                    p[pair] = TailProbabilities.chiSquareSf(statistic * statistic, k - 1);
                } else {
                    statistic = Math.sqrt(2) * d;
                    p[pair] = StudentizedRange.sf(Math.abs(statistic), k);
                }
                statistics[i][j] = statistic;
                statistics[j][i] = -statistic;
                pair++;
            }
        }
        String name = distribution == NemenyiDistribution.CHI_SQUARE ? "Nemenyi (chi-square)"
                : "Nemenyi (studentized range)";
        return new PostHocResult(name, PAdjust.NONE, PostHocMatrices.mirror(p, k), statistics);
    }
}
