package dev.raq.stats;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The Kruskal–Wallis H test: do k independent groups come from the same distribution? Matches
 * {@code scipy.stats.kruskal} 1.17.
 *
 * <p>H = [12 / (N(N+1)) Σ R_i² / n_i − 3(N+1)] / C with the tie correction C = 1 − Σ(t³ − t) / (N³ − N), referred to
 * the chi-square distribution with k − 1 degrees of freedom. When every value is equal, C = 0 and H is undefined:
 * the result has {@code defined == false} (scipy 1.17 returns NaN; scipy ≤ 1.10 raised). O(N log N).
 * Thread-safe: a pure function.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class KruskalWallis {

    static final String NAME = "Kruskal-Wallis";

    private KruskalWallis() {
    }

    /**
     * Runs the test.
     *
     * @param groups at least two samples, each non-empty, sizes may differ; NaN is rejected (scipy would propagate
     *               it)
     * @return H, its chi-square p-value and k − 1 degrees of freedom; undefined when every value is equal
     * @throws IllegalArgumentException if fewer than two groups are given, a group is null or empty, or a value is
     *                                  NaN ("groups[2] is empty")
     */
    public static OmnibusResult test(double[]... groups) {
        Objects.requireNonNull(groups, "groups");
        RankTestInput.checkGroups(groups, "groups");
        return test(PooledRanks.of(groups));
    }

    static OmnibusResult test(PooledRanks ranks) {
        int k = ranks.sizes.length;
        double n = ranks.total;
        double correction = tieCorrection(ranks);
        if (correction == 0) {
            return OmnibusResult.undefined(NAME, k - 1);
        }
        double sum = 0;
        for (int g = 0; g < k; g++) {
            sum += ranks.rankSums[g] * ranks.rankSums[g] / ranks.sizes[g];
        }
        double h = (12.0 / (n * (n + 1)) * sum - 3 * (n + 1)) / correction;
        return new OmnibusResult(NAME, h, TailProbabilities.chiSquareSf(h, k - 1), k - 1, true);
    }

    /** 1 − T/(N³ − N), as scipy.stats.tiecorrect (1 when N &lt; 2). */
    static double tieCorrection(PooledRanks ranks) {
        double n = ranks.total;
        if (n < 2) {
            return 1.0;
        }
        return 1.0 - ranks.tieCubeSum / (n * n * n - n);
    }
}
