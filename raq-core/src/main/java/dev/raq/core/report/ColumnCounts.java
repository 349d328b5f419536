package dev.raq.core.report;

import dev.raq.stats.McNemar;
import dev.raq.stats.McNemarResult;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;

/**
 * How often each value, or each pair of values, occurs in coded columns ({@link DoubleColumn#coded()}): what a
 * large report computes its summaries and paired differences from, in memory that does not grow with the rows. NaN
 * (no value in that row) is left out. Stateless.
 */
final class ColumnCounts {

    private ColumnCounts() {
    }

    /** A coded column's values over its first {@code rows} rows: the distinct values in ascending order, with counts. */
    static ValueSummary summary(DoubleColumn column, int rows, @Nullable Double confidence) {
        long[] byCode = new long[column.distinct()];
        for (int i = 0; i < rows; i++) {
            byCode[column.code(i)]++;
        }
        int m = 0;
        double[] values = new double[byCode.length];
        long[] counts = new long[byCode.length];
        Integer[] order = new Integer[byCode.length];
        for (int code = 0; code < byCode.length; code++) {
            order[code] = code;
        }
        Arrays.sort(order, (x, y) -> Double.compare(column.decode(x), column.decode(y)));
        for (int code : order) {
            if (byCode[code] > 0 && !Double.isNaN(column.decode(code))) {
                values[m] = column.decode(code);
                counts[m++] = byCode[code];
            }
        }
        return ValueSummary.ofCounts(Arrays.copyOf(values, m), Arrays.copyOf(counts, m), confidence);
    }

    /**
     * The rows of two coded columns where both hold a value, as distinct pairs {@code (a[k], b[k])} with counts, in
     * no particular order.
     */
    static Pairs pairs(DoubleColumn a, DoubleColumn b, int rows) {
        int width = b.distinct();
        long[] byCodes = new long[a.distinct() * width];
        for (int i = 0; i < rows; i++) {
            byCodes[a.code(i) * width + b.code(i)]++;
        }
        int m = 0;
        double[] xs = new double[byCodes.length];
        double[] ys = new double[byCodes.length];
        long[] counts = new long[byCodes.length];
        for (int k = 0; k < byCodes.length; k++) {
            double x = a.decode(k / width);
            double y = b.decode(k % width);
            if (byCodes[k] > 0 && !Double.isNaN(x) && !Double.isNaN(y)) {
                xs[m] = x;
                ys[m] = y;
                counts[m++] = byCodes[k];
            }
        }
        return new Pairs(Arrays.copyOf(xs, m), Arrays.copyOf(ys, m), Arrays.copyOf(counts, m));
    }

    /** Distinct pairs of values with how many rows hold each. */
    record Pairs(double[] a, double[] b, long[] counts) {

        /** McNemar's test when both sides are pass/fail (every value 0 or 1), else null. */
        @Nullable McNemarResult mcnemar() {
            return ColumnCounts.mcnemar(a, b, counts);
        }
    }

    /**
     * McNemar's test of paired pass/fail values, pair k occurring {@code counts[k]} times (once each without counts),
     * or null when a value is neither 0 nor 1.
     */
    static @Nullable McNemarResult mcnemar(double[] a, double[] b, long @Nullable [] counts) {
        long firstOnly = 0;
        long secondOnly = 0;
        for (int k = 0; k < a.length; k++) {
            if ((a[k] != 0 && a[k] != 1) || (b[k] != 0 && b[k] != 1)) {
                return null;
            }
            long times = counts == null ? 1 : counts[k];
            firstOnly += a[k] == 1 && b[k] == 0 ? times : 0;
            secondOnly += a[k] == 0 && b[k] == 1 ? times : 0;
        }
        return McNemar.test(Math.toIntExact(firstOnly), Math.toIntExact(secondOnly));
    }
}
