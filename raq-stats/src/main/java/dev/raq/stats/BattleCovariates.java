package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

/**
 * Per-battle covariates for {@link CovariateBradleyTerry}: one value per battle and covariate, aligned with the
 * battles' order. A covariate describes the battle, not a player — typically how the two sides differ in something
 * that sways the outcome besides strength (answer length, formatting).
 *
 * <p>{@link #ratios} builds Arena-Hard's style features: for a quantity with value a on side A and b on side B,
 * {@code (a − b) / (a + b + 1)}, which is 0 for equal sides, bounded by ±1 and insensitive to scale. Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BattleCovariates {

    private final List<String> names;
    private final double[][] values;

    private BattleCovariates(List<String> names, double[][] values) {
        this.names = List.copyOf(names);
        this.values = values;
    }

    /**
     * Covariates given as they are.
     *
     * @param names  the covariates' names, distinct
     * @param values per battle, one finite value per covariate
     * @throws IllegalArgumentException if there is no covariate, a name repeats, or a row has the wrong length or a
     *                                  value that is not finite (the message names battle and covariate)
     */
    public static BattleCovariates of(List<String> names, double[][] values) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(values, "values");
        Preconditions.checkArgument(!names.isEmpty(), "at least one covariate is needed");
        Preconditions.checkArgument(names.stream().distinct().count() == names.size(),
                () -> "covariate names must be distinct: " + names);
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = checkedRow(names, values[i], i, "values");
        }
        return new BattleCovariates(names, copy);
    }

    /**
     * Arena-Hard's style features: for every battle and quantity, {@code (a − b) / (a + b + 1)} of side A's value a
     * and side B's value b.
     *
     * @param names the quantities' names, distinct
     * @param sideA per battle, side A's value of each quantity (finite, ≥ 0: counts and lengths)
     * @param sideB per battle, side B's values, likewise
     * @throws IllegalArgumentException if the arrays disagree in shape, or a value is negative or not finite (the
     *                                  message names battle, side and quantity)
     */
    public static BattleCovariates ratios(List<String> names, double[][] sideA, double[][] sideB) {
        Objects.requireNonNull(sideA, "sideA");
        Objects.requireNonNull(sideB, "sideB");
        Preconditions.checkArgument(sideA.length == sideB.length, () -> "sideA has " + sideA.length
                + " battles but sideB has " + sideB.length);
        double[][] ratios = new double[sideA.length][];
        for (int i = 0; i < sideA.length; i++) {
            double[] a = checkedRow(names, sideA[i], i, "sideA");
            double[] b = checkedRow(names, sideB[i], i, "sideB");
            ratios[i] = new double[a.length];
            for (int k = 0; k < a.length; k++) {
                int battle = i;
                int col = k;
                Preconditions.checkArgument(a[k] >= 0 && b[k] >= 0, () -> "battle " + battle + ": covariate '"
                        + names.get(col) + "' must be >= 0 on both sides but was " + a[col] + " and " + b[col]);
                ratios[i][k] = (a[k] - b[k]) / (a[k] + b[k] + 1);
            }
        }
        return of(names, ratios);
    }

    private static double[] checkedRow(List<String> names, double[] row, int battle, String what) {
        Objects.requireNonNull(row, () -> what + "[" + battle + "]");
        Preconditions.checkArgument(row.length == names.size(), () -> what + "[" + battle + "] has " + row.length
                + " values for " + names.size() + " covariates " + names);
        for (int k = 0; k < row.length; k++) {
            int col = k;
            Preconditions.checkArgument(Double.isFinite(row[k]), () -> what + "[" + battle + "]: covariate '"
                    + names.get(col) + "' is " + row[col]);
        }
        return row.clone();
    }

    /** The covariates' names, in column order. */
    public List<String> names() {
        return names;
    }

    /** The number of battles described. */
    public int size() {
        return values.length;
    }

    /** The value of covariate {@code k} in battle {@code battle}. */
    public double value(int battle, int k) {
        return values[battle][k];
    }

    /** Only the named covariates, in the given order (for example the length alone out of a style set). */
    public BattleCovariates select(List<String> keep) {
        Objects.requireNonNull(keep, "keep");
        int[] columns = new int[keep.size()];
        for (int k = 0; k < columns.length; k++) {
            String name = keep.get(k);
            columns[k] = names.indexOf(name);
            Preconditions.checkArgument(columns[k] >= 0, () -> "no covariate '" + name + "' among " + names);
        }
        double[][] selected = new double[values.length][columns.length];
        for (int i = 0; i < values.length; i++) {
            for (int k = 0; k < columns.length; k++) {
                selected[i][k] = values[i][columns[k]];
            }
        }
        return of(keep, selected);
    }
}
