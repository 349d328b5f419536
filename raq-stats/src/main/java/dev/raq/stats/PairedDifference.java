package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The per-item paired difference of two systems scored on the same items: the mean of {@code d_i = a_i − b_i} with
 * its standard error, a Student t and a normal interval, the paired t test, and the correlation of the two systems'
 * scores — the comparison Miller (2024, "Adding Error Bars to Evals") recommends over overlapping intervals, since
 * the pairing removes the items' shared difficulty. Matches numpy ({@code mean}, {@code std(ddof=1)}),
 * {@code scipy.stats.ttest_rel} and {@code numpy.corrcoef}; the effect size is the matched-pairs rank-biserial
 * correlation. The t quantile agrees with scipy 1.17's {@code t.ppf}
 * to about 1e-13 (scipy 1.10 is off by up to 4e-9 relative at some degrees of freedom). Stateless.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PairedDifference {

    private PairedDifference() {
    }

    /**
     * The paired difference of {@code a} and {@code b}.
     *
     * @param a          the first system's score per item
     * @param b          the second system's score per item, paired by position
     * @param confidence the intervals' level, in (0, 1)
     * @return the result; the t statistic and p-value are NaN when the standard error is zero (every difference is
     *         equal and their summed mean exact: differences such as 0.1 can leave an SD of about 1e-14 instead, as
     *         numpy's would), the correlation is NaN with two items or fewer, or when a system's scores are all equal
     * @throws IllegalArgumentException if the arrays differ in length, hold fewer than two items, hold a value that
     *                                  is not finite, or the confidence is outside (0, 1)
     */
    public static PairedDifferenceResult of(double[] a, double[] b, double confidence) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        int n = a.length;
        Preconditions.checkArgument(b.length == n, () ->
                "a and b must have the same length but had " + n + " and " + b.length);
        Preconditions.checkArgument(n >= 2, () -> "a paired difference needs at least two items but had " + n);
        Preconditions.checkArgument(confidence > 0 && confidence < 1, () ->
                "confidence must be in (0, 1) but was " + confidence);
        double[] d = new double[n];
        double sumA = 0;
        double sumB = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                throw new IllegalArgumentException("item " + i + " must be finite but was " + a[i] + ", " + b[i]);
            }
            d[i] = a[i] - b[i];
            sum += d[i];
            sumA += a[i];
            sumB += b[i];
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : d) {
            ss += (v - mean) * (v - mean);
        }
        return result(n, mean, Math.sqrt(ss / (n - 1)), confidence, correlation(a, b, sumA / n, sumB / n),
                rankBiserial(d));
    }

    /**
     * The paired difference of items given as distinct pairs with counts: pair k, {@code (a[k], b[k])}, occurs
     * {@code counts[k]} times. The result is {@link #of(double[], double[], double)} over the pairs written out, in
     * time and memory proportional to the distinct pairs: a report of a million items whose scores take a few
     * values computes it from a few dozen. Means and sums of squares are taken per distinct pair (count × value),
     * so they can differ from {@code of} where its one-by-one sums round (these round less: a constant difference
     * has an SD of exactly 0 here, where {@code of} may give one of 1e-14); the rank-biserial correlation is the same
     * either way while its rank sums, multiples of ½, stay below 2^52 (up to about 10^8 items).
     *
     * @param a          the first system's score of each distinct pair
     * @param b          the second system's score of each distinct pair
     * @param counts     how many items have each pair (zero allowed: such a pair's values are ignored, even NaN)
     * @param confidence the intervals' level, in (0, 1)
     * @return the result, as {@link #of(double[], double[], double)}
     * @throws IllegalArgumentException if the arrays differ in length, a count is negative, the counts add up to
     *                                  fewer than two items or more than {@code Integer.MAX_VALUE}, a value of a pair
     *                                  that some item has is not finite, or the confidence is outside (0, 1)
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public static PairedDifferenceResult ofCounts(double[] a, double[] b, long[] counts, double confidence) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(counts, "counts");
        int m = a.length;
        Preconditions.checkArgument(b.length == m && counts.length == m, () -> "a, b and counts must have the same "
                + "length but had " + m + ", " + b.length + " and " + counts.length);
        Preconditions.checkArgument(confidence > 0 && confidence < 1, () ->
                "confidence must be in (0, 1) but was " + confidence);
        long items = 0;
        double sumA = 0;
        double sumB = 0;
        double sum = 0;
        for (int k = 0; k < m; k++) {
            long c = counts[k];
            int pair = k;
            Preconditions.checkArgument(c >= 0, () -> "count " + pair + " must be >= 0 but was " + c);
            if (c > 0 && (!Double.isFinite(a[k]) || !Double.isFinite(b[k]))) {
                throw new IllegalArgumentException("pair " + k + " must be finite but was " + a[k] + ", " + b[k]);
            }
            if (c == 0) {
                continue; // its values may be anything, even NaN
            }
            long before = items;
            Preconditions.checkArgument(c <= Integer.MAX_VALUE - before, () -> "a paired difference takes at most "
                    + "2^31 - 1 items but the counts add up to more");
            items += c;
            sum += c * (a[k] - b[k]);
            sumA += c * a[k];
            sumB += c * b[k];
        }
        long total = items;
        Preconditions.checkArgument(total >= 2, () -> "a paired difference needs at least two items but had " + total);
        int n = (int) total;
        double mean = sum / n;
        double meanA = sumA / n;
        double meanB = sumB / n;
        double ss = 0;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int k = 0; k < m; k++) {
            if (counts[k] == 0) {
                continue;
            }
            double dev = a[k] - b[k] - mean;
            double x = a[k] - meanA;
            double y = b[k] - meanB;
            ss += counts[k] * dev * dev;
            sab += counts[k] * x * y;
            saa += counts[k] * x * x;
            sbb += counts[k] * y * y;
        }
        double correlation = n <= 2 || saa == 0 || sbb == 0 ? Double.NaN
                : Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
        return result(n, mean, Math.sqrt(ss / (n - 1)), confidence, correlation, rankBiserialOfCounts(a, b, counts));
    }

    private static PairedDifferenceResult result(int n, double mean, double sd, double confidence,
                                                 double correlation, double rankBiserial) {
        double se = sd / Math.sqrt(n);
        double tq = TailProbabilities.studentIsf((1 - confidence) / 2, n - 1);
        double zq = TailProbabilities.normalIsf((1 - confidence) / 2);
        double t = se == 0 ? Double.NaN : mean / se;
        double p = Double.isNaN(t) ? Double.NaN : 2 * TailProbabilities.studentSf(Math.abs(t), n - 1);
        return new PairedDifferenceResult(n, mean, sd, se,
                new ConfidenceInterval(mean - tq * se, mean + tq * se, confidence),
                new ConfidenceInterval(mean - zq * se, mean + zq * se, confidence), t, p, correlation, rankBiserial);
    }

    /**
     * {@link #rankBiserial} of the differences written out: tie groups of equal |d| (with their counts) in order of
     * |d|, each count's items taking the group's average rank.
     */
    private static double rankBiserialOfCounts(double[] a, double[] b, long[] counts) {
        Integer[] nonzero = java.util.stream.IntStream.range(0, a.length)
                .filter(k -> counts[k] > 0 && a[k] - b[k] != 0).boxed().toArray(Integer[]::new);
        if (nonzero.length == 0) {
            return Double.NaN;
        }
        java.util.Arrays.sort(nonzero, java.util.Comparator.comparingDouble(k -> Math.abs(a[k] - b[k])));
        long below = 0;
        double plus = 0;
        double minus = 0;
        for (int start = 0; start < nonzero.length; ) {
            double size = Math.abs(a[nonzero[start]] - b[nonzero[start]]);
            int end = start;
            long positive = 0;
            long negative = 0;
            while (end < nonzero.length && Math.abs(a[nonzero[end]] - b[nonzero[end]]) == size) {
                int k = nonzero[end++];
                if (a[k] - b[k] > 0) {
                    positive += counts[k];
                } else {
                    negative += counts[k];
                }
            }
            double averageRank = below + (positive + negative + 1) / 2.0;
            plus += averageRank * positive;
            minus += averageRank * negative;
            below += positive + negative;
            start = end;
        }
        return (plus - minus) / (plus + minus);
    }

    /**
     * The matched-pairs rank-biserial correlation of the differences (Kerby 2014): the rank sums of the positive
     * and negative differences' absolute values (zeros left out, ties averaged), {@code (R+ − R−)/(R+ + R−)}; in
     * [−1, 1], NaN when every difference is zero.
     */
    private static double rankBiserial(double[] d) {
        int positive = 0;
        int negative = 0;
        for (double v : d) {
            positive += v > 0 ? 1 : 0;
            negative += v < 0 ? 1 : 0;
        }
        if (positive + negative == 0) {
            return Double.NaN;
        }
        // the positive and the negative differences' sizes, each sorted, walked together in tie groups: no index
        // sort of every difference, two arrays that hold them all between them
        double[] up = new double[positive];
        double[] down = new double[negative];
        for (int k = 0, i = 0, j = 0; k < d.length; k++) {
            if (d[k] > 0) {
                up[i++] = d[k];
            } else if (d[k] < 0) {
                down[j++] = -d[k];
            }
        }
        java.util.Arrays.sort(up);
        java.util.Arrays.sort(down);
        long below = 0;
        double plus = 0;
        double minus = 0;
        for (int i = 0, j = 0; i < positive || j < negative; ) {
            double size = j == negative || (i < positive && up[i] < down[j]) ? up[i] : down[j];
            long ups = 0;
            long downs = 0;
            for (; i < positive && up[i] == size; i++) {
                ups++;
            }
            for (; j < negative && down[j] == size; j++) {
                downs++;
            }
            double averageRank = below + (ups + downs + 1) / 2.0;
            plus += averageRank * ups;
            minus += averageRank * downs;
            below += ups + downs;
        }
        return (plus - minus) / (plus + minus);
    }

    /** Pearson's r, NaN with two items or fewer or when either side is constant (numpy.corrcoef gives NaN or ±1). */
    private static double correlation(double[] a, double[] b, double meanA, double meanB) {
        if (a.length <= 2) {
            return Double.NaN;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i] - meanA;
            double y = b[i] - meanB;
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        if (saa == 0 || sbb == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
    }
}
