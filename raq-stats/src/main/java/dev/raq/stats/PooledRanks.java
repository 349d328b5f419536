package dev.raq.stats;

import java.util.Arrays;

/**
 * Average ranks of independent groups pooled together, reduced to what the Kruskal–Wallis family needs: the rank
 * sum of every group and the tie term {@code T = Σ (t³ − t)}.
 *
 * <p>O(N log N) and no boxing: the pooled values and every group are sorted as primitive arrays; a run of equal
 * values inside a group is located in the pooled order by binary search, so heavily tied data (ranks 1..k) costs
 * little more than the sorts.
 */
final class PooledRanks {

    /** Group sizes n_i. */
    final int[] sizes;
    /** Rank sums R_i of the groups in the pooled average ranking. */
    final double[] rankSums;
    /** Total number of observations N. */
    final int total;
    /** The tie term Σ (t³ − t) over the pooled tie groups. */
    final double tieCubeSum;

    private PooledRanks(int[] sizes, double[] rankSums, int total, double tieCubeSum) {
        this.sizes = sizes;
        this.rankSums = rankSums;
        this.total = total;
        this.tieCubeSum = tieCubeSum;
    }

    /** Ranks already validated groups (non-empty, no NaN). */
    static PooledRanks of(double[][] groups) {
        int k = groups.length;
        int total = 0;
        int[] sizes = new int[k];
        for (int g = 0; g < k; g++) {
            sizes[g] = groups[g].length;
            total += groups[g].length;
        }
        double[] pooled = new double[total];
        int offset = 0;
        for (double[] group : groups) {
            System.arraycopy(group, 0, pooled, offset, group.length);
            offset += group.length;
        }
        Arrays.sort(pooled);
        double ties = 0;
        int start = 0;
        while (start < total) {
            int end = runEnd(pooled, start);
            double t = end - start;
            ties += t * t * t - t;
            start = end;
        }
        double[] rankSums = new double[k];
        for (int g = 0; g < k; g++) {
            double[] sorted = groups[g].clone();
            Arrays.sort(sorted);
            double sum = 0;
            int i = 0;
            int first = 0;
            while (i < sorted.length) {
                int j = runEnd(sorted, i);
                first = firstIndexOf(pooled, sorted[i], first);
                int last = runEnd(pooled, first);
                // pooled positions first..last-1 share the average rank of ranks first+1..last
                sum += (j - i) * ((first + 1 + last) / 2.0);
                i = j;
            }
            rankSums[g] = sum;
        }
        return new PooledRanks(sizes, rankSums, total, ties);
    }

    /** The mean rank of group g. */
    double meanRank(int g) {
        return rankSums[g] / sizes[g];
    }

    /** The end (exclusive) of the run of values equal to {@code sorted[start]}; galloping, so O(log run). */
    private static int runEnd(double[] sorted, int start) {
        double v = sorted[start];
        int n = sorted.length;
        int step = 1;
        int lo = start;
        int hi = start + 1;
        while (hi < n && sorted[hi] == v) {
            lo = hi;
            hi = start + (step <<= 1);
        }
        hi = Math.min(hi, n);
        // sorted[lo] == v; sorted[hi] != v or hi == n
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] == v) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo + 1;
    }

    /**
     * The first index of {@code v} in the ascending array, searching forward from {@code from} (v is present at or
     * after it). Galloping: O(log distance), so one pass of a sorted group over the pooled order costs
     * O(n_g log(N / n_g)) and touches memory mostly in order.
     */
    private static int firstIndexOf(double[] sorted, double v, int from) {
        int lo = from;
        int step = 1;
        int hi = from;
        while (hi < sorted.length && sorted[hi] < v) {
            lo = hi + 1;
            hi = from + step;
            step <<= 1;
        }
        hi = Math.min(hi, sorted.length);
        // sorted[lo - 1] < v (or lo == from); sorted[hi] >= v (or hi == length)
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
