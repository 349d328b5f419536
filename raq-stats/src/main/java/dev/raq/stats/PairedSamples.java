package dev.raq.stats;

import dev.raq.commons.Preconditions;
import java.util.Objects;

/** Validation and differencing of paired samples, shared by the paired tests and correlations. */
final class PairedSamples {

    private PairedSamples() {
    }

    /**
     * Checks that {@code x} and {@code y} are non-empty, of equal length and free of NaN.
     *
     * @throws IllegalArgumentException naming the offending argument, index and value
     */
    static void check(double[] x, double[] y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Preconditions.checkArgument(x.length == y.length, () ->
                "x and y must have the same length but had " + x.length + " and "
                + y.length);
        Preconditions.checkArgument(x.length != 0, "x and y are empty");
        Ranks.checkNoNaN(x, "x");
        Ranks.checkNoNaN(y, "y");
    }

    /** {@code x[i] − y[i]} after {@link #check}; rejects a NaN difference (∞ − ∞). */
    static double[] differences(double[] x, double[] y) {
        check(x, y);
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
            if (Double.isNaN(d[i])) {
                throw new IllegalArgumentException("x[" + i + "] - y[" + i + "] is NaN (" + x[i] + " - " + y[i] + ")");
            }
        }
        return d;
    }

    /**
     * Checks the columns of a pairwise test: at least two, each non-null, non-empty, free of NaN and as long as the
     * first.
     */
    static void checkColumns(double[][] columns) {
        Objects.requireNonNull(columns, "columns");
        if (columns.length < 2) {
            throw new IllegalArgumentException("columns must hold at least 2 columns but had " + columns.length);
        }
        for (int i = 0; i < columns.length; i++) {
            Objects.requireNonNull(columns[i], "columns[" + i + "]");
            if (columns[i].length == 0) {
                throw new IllegalArgumentException("columns[" + i + "] is empty");
            }
            if (columns[i].length != columns[0].length) {
                throw new IllegalArgumentException("columns[" + i + "] has length " + columns[i].length
                    + " but columns[0] has " + columns[0].length + " (columns are paired by position)");
            }
            Ranks.checkNoNaN(columns[i], "columns[" + i + "]");
        }
    }

    /**
     * Adjusts the upper-triangle p-values of a pairwise test (row-major, i &lt; j) as one family and mirrors them
     * into a symmetric matrix with 1 on the diagonal.
     *
     * <p>An undefined (NaN) raw p-value stays NaN, and affects the others as in statsmodels' {@code multipletests},
     * which sorts NaN last: the single-step and step-down methods (Bonferroni, Šidák, Holm, Holm–Šidák) count it in
     * the family size m and otherwise ignore it; the step-up methods (Simes–Hochberg, Hommel, Benjamini–Hochberg,
     * Benjamini–Yekutieli) propagate it to every p-value of the family.
     */
    static double[][] adjustedMatrix(int k, double[] upper, PAdjust adjustment) {
        boolean anyNaN = false;
        double[] forAdjust = upper.clone();
        for (int i = 0; i < forAdjust.length; i++) {
            if (Double.isNaN(forAdjust[i])) {
                anyNaN = true;
                forAdjust[i] = 1.0;
            }
        }
        double[] adjusted;
        if (!anyNaN) {
            adjusted = adjustment.adjust(upper);
        } else if (propagatesNaN(adjustment)) {
            adjusted = new double[upper.length];
            java.util.Arrays.fill(adjusted, Double.NaN);
        } else {
            adjusted = adjustment.adjust(forAdjust);
            for (int i = 0; i < upper.length; i++) {
                if (Double.isNaN(upper[i])) {
                    adjusted[i] = Double.NaN;
                }
            }
        }
        return PostHocMatrices.mirror(adjusted, k);
    }

    private static boolean propagatesNaN(PAdjust adjustment) {
        switch (adjustment) {
            case SIMES_HOCHBERG:
            case HOMMEL:
            case FDR_BH:
            case FDR_BY:
                return true;
            default:
                return false;
        }
    }
}
