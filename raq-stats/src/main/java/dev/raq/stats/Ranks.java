package dev.raq.stats;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * Ranks of data with ties, as {@code scipy.stats.rankdata}, and the tie statistics rank tests need.
 *
 * <p>Ranks are 1-based; rank 1 goes to the smallest value. Sorting is O(n log n) on primitives (a stable merge
 * sort of indices, so {@link TieMethod#ORDINAL} breaks ties by position exactly as scipy does). Thread-safe: every
 * method is a pure function.
 *
 * <p>Deliberate difference from scipy: NaN is rejected with an {@link IllegalArgumentException} instead of
 * propagating into every rank.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Ranks {

    private Ranks() {
    }

    /**
     * Average ranks of {@code values} (ties share the mean of the ranks they span).
     *
     * @param values the data; may be empty; must not contain NaN
     * @return a new array of ranks, in input order
     * @throws IllegalArgumentException if a value is NaN
     */
    public static double[] rank(double[] values) {
        return rank(values, TieMethod.AVERAGE);
    }

    /**
     * Ranks of {@code values} with the given tie method; matches {@code scipy.stats.rankdata(values, method)}.
     *
     * @param values the data; may be empty; must not contain NaN
     * @param method how ties are ranked
     * @return a new array of ranks, in input order
     * @throws IllegalArgumentException if a value is NaN
     */
    public static double[] rank(double[] values, TieMethod method) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(method, "method");
        checkNoNaN(values, "values");
        int n = values.length;
        double[] ranks = new double[n];
        if (n == 0) {
            return ranks;
        }
        int[] order = sortedOrder(values);
        int dense = 0;
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && values[order[end]] == values[order[start]]) {
                end++;
            }
            dense++;
            // positions start..end-1 (0-based) hold one tie group: ranks start+1..end
            for (int p = start; p < end; p++) {
                double r;
                switch (method) {
                    case AVERAGE:
                        r = (start + 1 + end) / 2.0;
                        break;
                    case MIN:
                        r = start + 1;
                        break;
                    case MAX:
                        r = end;
                        break;
                    case DENSE:
                        r = dense;
                        break;
                    case ORDINAL:
                        r = p + 1;
                        break;
                    default:
                        throw new AssertionError(method);
                }
                ranks[order[p]] = r;
            }
            start = end;
        }
        return ranks;
    }

    /**
     * The tie term {@code Σ (t³ − t)} over the groups of equal values, where {@code t} is a group's size; the
     * quantity that tie corrections of Kruskal–Wallis, Dunn, Mann–Whitney, Friedman and Kendall's W subtract.
     *
     * @param values the data; must not contain NaN
     * @return the sum, 0 when no value is repeated
     * @throws IllegalArgumentException if a value is NaN
     */
    public static double tieCubeSum(double[] values) {
        Objects.requireNonNull(values, "values");
        checkNoNaN(values, "values");
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double sum = 0;
        int start = 0;
        while (start < sorted.length) {
            int end = start + 1;
            while (end < sorted.length && sorted[end] == sorted[start]) {
                end++;
            }
            double t = end - start;
            sum += t * t * t - t;
            start = end;
        }
        return sum;
    }

    /**
     * The indices of {@code values} in ascending order of value; equal values keep their input order (stable).
     * O(n log n), no boxing.
     */
    static int[] sortedOrder(double[] values) {
        int n = values.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (n < 2) {
            return order;
        }
        int[] buffer = new int[n];
        mergeSort(values, order, buffer, 0, n);
        return order;
    }

    private static void mergeSort(double[] v, int[] a, int[] buf, int lo, int hi) {
        if (hi - lo <= 16) {
            for (int i = lo + 1; i < hi; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= lo && v[a[j]] > v[x]) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(v, a, buf, lo, mid);
        mergeSort(v, a, buf, mid, hi);
        if (v[a[mid - 1]] <= v[a[mid]]) {
            return;
        }
        System.arraycopy(a, lo, buf, lo, hi - lo);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            a[k++] = v[buf[j]] < v[buf[i]] ? buf[j++] : buf[i++];
        }
        while (i < mid) {
            a[k++] = buf[i++];
        }
        while (j < hi) {
            a[k++] = buf[j++];
        }
    }

    static void checkNoNaN(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is NaN");
            }
        }
    }
}
