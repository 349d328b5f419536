package dev.raq.benchmarks.stats;

import java.util.Random;

/**
 * Seeded inputs for the rank-test benchmarks: independent groups and blocked (questions × candidates) matrices, either
 * continuous scores (no ties) or RAQ-like within-question ranks (1..k with average ranks for ties).
 */
final class RankTestData {

    private RankTestData() {
    }

    /**
     * {@code k} groups of {@code size} values. Continuous: normal scores with a small per-group shift. Ranks: column
     * j of a RAQ-like rank matrix (each question ranks the k candidates; latent scores rounded, so ties occur).
     */
    static double[][] groups(int k, int size, boolean ranks, long seed) {
        if (ranks) {
            double[][] byQuestion = blocks(size, k, true, seed);
            double[][] groups = new double[k][size];
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < k; j++) {
                    groups[j][i] = byQuestion[i][j];
                }
            }
            return groups;
        }
        Random random = new Random(seed);
        double[][] groups = new double[k][size];
        for (int j = 0; j < k; j++) {
            double shift = 0.02 * j;
            for (int i = 0; i < size; i++) {
                groups[j][i] = random.nextGaussian() + shift;
            }
        }
        return groups;
    }

    /**
     * {@code n} questions × {@code k} candidates. Scores: latent model effect + noise (the test ranks each row).
     * Ranks: those scores rounded to integers and turned into average ranks per row, as a judge's tied rankings.
     */
    static double[][] blocks(int n, int k, boolean ranks, long seed) {
        Random random = new Random(seed);
        double[] effect = new double[k];
        for (int j = 0; j < k; j++) {
            effect[j] = 0.3 * random.nextGaussian();
        }
        double[][] m = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double score = effect[j] + random.nextGaussian();
                m[i][j] = ranks ? Math.rint(score) : score;
            }
            if (ranks) {
                m[i] = averageRanks(m[i]);
            }
        }
        return m;
    }

    /** Average ranks of a short row, 1 = smallest (O(k²), used only while generating data). */
    private static double[] averageRanks(double[] row) {
        double[] r = new double[row.length];
        for (int a = 0; a < row.length; a++) {
            int less = 0;
            int equal = 0;
            for (double v : row) {
                if (v < row[a]) {
                    less++;
                } else if (v == row[a]) {
                    equal++;
                }
            }
            r[a] = less + (equal + 1) / 2.0;
        }
        return r;
    }
}
