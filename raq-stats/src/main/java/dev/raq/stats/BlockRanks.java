package dev.raq.stats;

/**
 * Within-block average ranks of an n × k matrix, reduced to what the Friedman family needs: column rank sums, the sum
 * of squared ranks and the within-block tie term Σ (t³ − t).
 *
 * <p>One pass over the rows, O(n·k log k) (insertion sort for small k, the stable merge sort of {@link Ranks}
 * otherwise), no boxing and O(k) scratch memory.
 */
final class BlockRanks {

    private static final int INSERTION_SORT_MAX = 24;

    /** Number of blocks n. */
    final int blocks;
    /** Number of treatments k. */
    final int treatments;
    /** R_j, the rank sum of column j over all blocks. */
    final double[] rankSums;
    /** Σ r² over every cell. */
    final double squaredRankSum;
    /** Σ (t³ − t) over the tie groups within each block. */
    final double tieCubeSum;

    private BlockRanks(int blocks, int treatments, double[] rankSums, double squaredRankSum, double tieCubeSum) {
        this.blocks = blocks;
        this.treatments = treatments;
        this.rankSums = rankSums;
        this.squaredRankSum = squaredRankSum;
        this.tieCubeSum = tieCubeSum;
    }

    /** Ranks an already validated matrix (rectangular, k ≥ 1, no NaN). */
    static BlockRanks of(double[][] matrix) {
        Accumulator a = new Accumulator(matrix[0].length);
        for (double[] row : matrix) {
            a.add(row);
        }
        return a.ranks();
    }

    /** The sums, taken one validated row (k values, no NaN) at a time in O(k) memory; {@link #of} uses it too. */
    static final class Accumulator {
        private final int k;
        private final double[] rankSums;
        private final int[] order;
        private int n;
        private double squares;
        private double ties;

        Accumulator(int k) {
            this.k = k;
            this.rankSums = new double[k];
            this.order = new int[k];
        }

        void add(double[] row) {
            int[] sorted = k <= INSERTION_SORT_MAX ? insertionOrder(row, order) : Ranks.sortedOrder(row);
            int start = 0;
            while (start < k) {
                int end = start + 1;
                while (end < k && row[sorted[end]] == row[sorted[start]]) {
                    end++;
                }
                double rank = (start + 1 + end) / 2.0;
                int t = end - start;
                for (int p = start; p < end; p++) {
                    rankSums[sorted[p]] += rank;
                }
                squares += t * rank * rank;
                ties += (double) t * t * t - t;
                start = end;
            }
            n++;
        }

        int blocks() {
            return n;
        }

        /** R_j so far. */
        double rankSum(int j) {
            return rankSums[j];
        }

        BlockRanks ranks() {
            return new BlockRanks(n, k, rankSums.clone(), squares, ties);
        }
    }

    /** The mean rank of column j. */
    double meanRank(int j) {
        return rankSums[j] / blocks;
    }

    private static int[] insertionOrder(double[] row, int[] order) {
        for (int i = 0; i < row.length; i++) {
            int j = i - 1;
            while (j >= 0 && row[order[j]] > row[i]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = i;
        }
        return order;
    }
}
