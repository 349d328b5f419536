package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * The result of a pairwise post-hoc test over k groups: a symmetric k×k matrix of (adjusted) p-values with 1 on the
 * diagonal, in the layout of scikit-posthocs, and the pairwise test statistics where the test has one.
 *
 * <p>Indices are the groups' positions in the input. Immutable: accessors return copies.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PostHocResult {

    private final String test;
    private final PAdjust adjustment;
    private final double[][] pValues;
    private final double @Nullable [][] statistics;

    /**
     * @param test       a short name of the test, for display ({@code "Dunn"}, {@code "Nemenyi-Friedman"} …)
     * @param adjustment the adjustment applied to the pairwise p-values ({@link PAdjust#NONE} for tests whose
     *                   p-values are family-wise by construction, such as Nemenyi)
     * @param pValues    the k×k matrix of p-values; copied
     * @param statistics the k×k matrix of pairwise statistics (signed: positive when group i has the larger
     *                   statistic), or null when the test reports none; copied
     * @throws IllegalArgumentException if the matrices are not square k×k with k ≥ 2
     */
    public PostHocResult(String test, PAdjust adjustment, double[][] pValues, double @Nullable [][] statistics) {
        this.test = Objects.requireNonNull(test, "test");
        this.adjustment = Objects.requireNonNull(adjustment, "adjustment");
        this.pValues = squareCopy("pValues", pValues, pValues.length);
        this.statistics = statistics == null ? null : squareCopy("statistics", statistics, pValues.length);
    }

    /** The test's short name. */
    public String test() {
        return test;
    }

    /** The adjustment applied to the pairwise p-values. */
    public PAdjust adjustment() {
        return adjustment;
    }

    /** The number of groups k. */
    public int groupCount() {
        return pValues.length;
    }

    /** The (adjusted) p-value of groups {@code i} and {@code j}; 1 when {@code i == j}. */
    public double pValue(int i, int j) {
        return pValues[check(i, "i")][check(j, "j")];
    }

    /** A copy of the k×k p-value matrix. */
    public double[][] pValues() {
        return deepCopy(pValues);
    }

    /** True when the test reports pairwise statistics. */
    public boolean hasStatistics() {
        return statistics != null;
    }

    /**
     * The pairwise statistic of groups {@code i} and {@code j} (for Dunn the z score of mean rank i minus mean rank
     * j).
     *
     * @throws IllegalStateException if the test reports no statistics
     */
    public double statistic(int i, int j) {
        if (statistics == null) {
            throw new IllegalStateException(test + " reports no pairwise statistics");
        }
        return statistics[check(i, "i")][check(j, "j")];
    }

    /** A copy of the k×k statistic matrix, or null when the test reports none. */
    public double @Nullable [][] statistics() {
        return statistics == null ? null : deepCopy(statistics);
    }

    /**
     * Whether groups {@code i} and {@code j} differ at level {@code alpha}: {@code pValue(i, j) <= alpha}.
     *
     * @throws IllegalArgumentException if alpha is outside (0, 1)
     */
    public boolean isSignificant(int i, int j, double alpha) {
        Preconditions.checkArgument(alpha > 0 && alpha < 1, () -> "alpha must be in (0, 1) but was " + alpha);
        return i != j && pValue(i, j) <= alpha;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(test).append(" (").append(adjustment.statsmodelsName())
                .append(") p-values:\n");
        for (double[] row : pValues) {
            for (int j = 0; j < row.length; j++) {
                sb.append(j == 0 ? "" : "  ").append(String.format(java.util.Locale.ROOT, "%.4g", row[j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private int check(int index, String name) {
        if (index < 0 || index >= pValues.length) {
            throw new IndexOutOfBoundsException(name + " must be in [0, " + pValues.length + ") but was " + index);
        }
        return index;
    }

    private static double[][] squareCopy(String name, double[][] m, int k) {
        if (k < 2 || m.length != k) {
            throw new IllegalArgumentException(name + " must be a k×k matrix with k >= 2 but had " + m.length
                    + " rows (k = " + k + ")");
        }
        double[][] copy = new double[k][];
        for (int i = 0; i < k; i++) {
            if (m[i].length != k) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + m[i].length + " columns, expected " + k);
            }
            copy[i] = m[i].clone();
        }
        return copy;
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] copy = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            copy[i] = m[i].clone();
        }
        return copy;
    }
}
