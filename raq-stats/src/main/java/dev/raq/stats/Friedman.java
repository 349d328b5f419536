package dev.raq.stats;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The Friedman test for blocked data and its post-hoc tests: do k treatments (candidates) differ when every block
 * (question) ranks all of them?
 *
 * <p>{@code blocks} is an n × k matrix: row i holds the k treatments' values (scores or ranks) in block i; each row is
 * ranked separately with average ranks for ties. Let R_j be the rank sum of column j.
 * <ul>
 *   <li>{@link #test}: Q = [12/(nk(k+1)) Σ R_j² − 3n(k+1)] / C with C = 1 − Σ(t³ − t)/(n k (k² − 1)), chi-square
 *   with k − 1 degrees of freedom; matches {@code scipy.stats.friedmanchisquare(*columns)} 1.17.</li>
 *   <li>{@link #nemenyi}: matches scikit-posthocs 0.12 {@code posthoc_nemenyi_friedman}.</li>
 *   <li>{@link #conover}, {@link #conoverSingleStep}: match scikit-posthocs 0.12 {@code posthoc_conover_friedman}
 *   with {@code p_adjust} a statsmodels method or {@code "single-step"}.</li>
 * </ul>
 * Every method is O(n·k log k) plus O(k²) distribution evaluations, and thread-safe (pure functions).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Friedman {

    static final String NAME = "Friedman";

    private Friedman() {
    }

    /**
     * The Friedman chi-square test, tie-corrected.
     *
     * @param blocks n ≥ 1 rows (blocks) × k ≥ 3 columns (treatments); not ragged, no NaN
     * @return Q, its chi-square p-value with k − 1 degrees of freedom; undefined ({@code defined == false}, NaN) when
     *         every block is completely tied (C = 0, scipy returns NaN)
     * @throws IllegalArgumentException if there are no rows, fewer than 3 columns (scipy raises "At least 3 samples
     *                                  must be given"; use {@link MannWhitney} or a paired test for two), a ragged
     *                                  or null row, or a NaN ("blocks[4][1] is NaN")
     */
    public static OmnibusResult test(double[][] blocks) {
        RankTestInput.checkBlocks(blocks, "blocks", 3);
        return test(BlockRanks.of(blocks));
    }

    /** As {@link #test(double[][])}, on blocks added one at a time (k ≥ 3). */
    public static OmnibusResult test(FriedmanBlocks blocks) {
        return test(Objects.requireNonNull(blocks, "blocks").ranks(3, NAME));
    }

    private static OmnibusResult test(BlockRanks r) {
        double n = r.blocks;
        double k = r.treatments;
        double correction = 1 - r.tieCubeSum / (k * (k * k - 1) * n);
        int df = r.treatments - 1;
        if (correction == 0) {
            return OmnibusResult.undefined(NAME, df);
        }
        double sumSquares = 0;
        for (double rj : r.rankSums) {
            sumSquares += rj * rj;
        }
        double q = (12.0 / (k * n * (k + 1)) * sumSquares - 3 * n * (k + 1)) / correction;
        return new OmnibusResult(NAME, q, TailProbabilities.chiSquareSf(q, df), df, true);
    }

    /**
     * The Nemenyi post-hoc test for blocked data: q_ij = √2 (R̄_i − R̄_j) / sqrt(k(k+1)/(6n)) with R̄ the mean
     * within-block ranks, p = P(Q_{k,∞} ≥ |q|) from the {@link StudentizedRange studentized range}; family-wise by
     * construction, no tie correction (as scikit-posthocs).
     *
     * @param blocks n ≥ 1 rows (blocks) × k ≥ 2 columns (treatments); not ragged, no NaN
     * @return the k×k p-values (1 on the diagonal, adjustment {@link PAdjust#NONE}) and the signed q statistics
     *         (positive when treatment i has the higher mean rank)
     * @throws IllegalArgumentException if there are no rows, fewer than 2 columns, a ragged or null row, or a NaN
     */
    public static PostHocResult nemenyi(double[][] blocks) {
        RankTestInput.checkBlocks(blocks, "blocks", 2);
        return nemenyi(BlockRanks.of(blocks));
    }

    /** As {@link #nemenyi(double[][])}, on blocks added one at a time. */
    public static PostHocResult nemenyi(FriedmanBlocks blocks) {
        return nemenyi(Objects.requireNonNull(blocks, "blocks").ranks(2, "Nemenyi-Friedman"));
    }

    private static PostHocResult nemenyi(BlockRanks r) {
        int k = r.treatments;
        double scale = Math.sqrt(k * (k + 1.0) / (6.0 * r.blocks));
        double[][] statistics = new double[k][k];
        double[] p = new double[k * (k - 1) / 2];
        int pair = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double q = Math.sqrt(2) * (r.meanRank(i) - r.meanRank(j)) / scale;
                statistics[i][j] = q;
                statistics[j][i] = -q;
                p[pair++] = StudentizedRange.sf(Math.abs(q), k);
            }
        }
        return new PostHocResult("Nemenyi-Friedman", PAdjust.NONE, PostHocMatrices.mirror(p, k), statistics);
    }

    /**
     * Conover's post-hoc test for blocked data with two-sided Student t p-values, adjusted as one family.
     *
     * <p>With A₁ = Σ r², S² = (A₁ − nk(k+1)²/4)/(k−1), T₂ = Σ_j (R_j − n(k+1)/2)² / S²,
     * A = 2nS²/(n−1) and B = 1 − T₂/(n(k−1)): t_ij = (R_i − R_j) / sqrt(A·B), p = 2·P(T_{(n−1)(k−1)} ≥ |t|). When
     * every block ranks the treatments identically B = 0, t is infinite and p = 0 (as scikit-posthocs); a pair that
     * is tied in every such block is 0/0, its p-value NaN, and the adjustment runs over the remaining pairs (a
     * deliberate difference: statsmodels would spread that NaN to other pairs depending on the method).
     *
     * @param blocks     n ≥ 1 rows (blocks) × k ≥ 2 columns (treatments); not ragged, no NaN
     * @param adjustment the multiple-comparison adjustment over the upper triangle ({@link PAdjust#NONE} for raw
     *                   p-values)
     * @return the k×k p-values and the signed t statistics (positive when treatment i has the higher rank sum).
     *         Undefined — every off-diagonal p-value and statistic NaN, as in scikit-posthocs — when every block is
     *         completely tied (S² = 0) or there is a single block (no degrees of freedom)
     * @throws IllegalArgumentException if there are no rows, fewer than 2 columns, a ragged or null row, or a NaN
     */
    public static PostHocResult conover(double[][] blocks, PAdjust adjustment) {
        Objects.requireNonNull(adjustment, "adjustment");
        RankTestInput.checkBlocks(blocks, "blocks", 2);
        return conover(BlockRanks.of(blocks), adjustment);
    }

    /** As {@link #conover(double[][], PAdjust)}, on blocks added one at a time. */
    public static PostHocResult conover(FriedmanBlocks blocks, PAdjust adjustment) {
        Objects.requireNonNull(adjustment, "adjustment");
        return conover(Objects.requireNonNull(blocks, "blocks").ranks(2, "Conover-Friedman"), adjustment);
    }

    private static PostHocResult conover(BlockRanks r, PAdjust adjustment) {
        double[][] t = conoverStatistics(r);
        int k = t.length;
        double df = (r.blocks - 1.0) * (k - 1.0);
        double[] p = new double[k * (k - 1) / 2];
        int pair = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                p[pair++] = 2 * TailProbabilities.studentSf(Math.abs(t[i][j]), df);
            }
        }
        return new PostHocResult("Conover-Friedman", adjustment, PostHocMatrices.adjusted(p, k, adjustment), t);
    }

    /**
     * Conover's post-hoc test for blocked data with single-step p-values from the studentized range:
     * p = P(Q_{k,∞} ≥ √2·|t|), family-wise by construction ({@code p_adjust="single-step"} in scikit-posthocs).
     * The statistic t is that of {@link #conover}.
     *
     * @param blocks n ≥ 1 rows (blocks) × k ≥ 2 columns (treatments); not ragged, no NaN
     * @return the k×k p-values (adjustment {@link PAdjust#NONE}) and the signed t statistics; undefined (NaN) in
     *         the same cases as {@link #conover}
     * @throws IllegalArgumentException if there are no rows, fewer than 2 columns, a ragged or null row, or a NaN
     */
    public static PostHocResult conoverSingleStep(double[][] blocks) {
        RankTestInput.checkBlocks(blocks, "blocks", 2);
        double[][] t = conoverStatistics(BlockRanks.of(blocks));
        int k = t.length;
        double[] p = new double[k * (k - 1) / 2];
        int pair = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double q = Math.sqrt(2) * Math.abs(t[i][j]);
                p[pair++] = Double.isNaN(q) ? Double.NaN : StudentizedRange.sf(q, k);
            }
        }
        return new PostHocResult("Conover-Friedman (single-step)", PAdjust.NONE, PostHocMatrices.mirror(p, k), t);
    }

    /** The signed Conover t statistics (R_i − R_j)/sqrt(A·B); all NaN when S² = 0 or n = 1. */
    private static double[][] conoverStatistics(BlockRanks r) {
        int k = r.treatments;
        double n = r.blocks;
        double[][] t = new double[k][k];
        double s2 = (r.squaredRankSum - k * n * (k + 1.0) * (k + 1.0) / 4) / (k - 1.0);
        boolean undefined = r.blocks < 2 || !(s2 > 0);
        double scale = Double.NaN;
        if (!undefined) {
            double expected = n * (k + 1.0) / 2;
            double t2 = 0;
            for (double rj : r.rankSums) {
                t2 += (rj - expected) * (rj - expected);
            }
            t2 /= s2;
            double a = s2 * 2 * n * (k - 1.0) / ((n - 1) * (k - 1.0));
            double b = 1 - t2 / (n * (k - 1.0));
            scale = Math.sqrt(a) * Math.sqrt(Math.max(b, 0));
        }
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double tij = undefined ? Double.NaN : (r.rankSums[i] - r.rankSums[j]) / scale;
                t[i][j] = tij;
                t[j][i] = -tij;
            }
        }
        return t;
    }
}
