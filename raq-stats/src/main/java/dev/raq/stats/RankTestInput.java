package dev.raq.stats;

import java.util.Objects;

/**
 * Validation shared by the rank tests: independent groups and blocked (n × k) matrices, with messages that name the
 * argument and the offending index.
 */
final class RankTestInput {

    private RankTestInput() {
    }

    /**
     * Checks k ≥ 2 independent groups: none null, none empty, no NaN.
     *
     * @throws IllegalArgumentException naming the first bad group or value
     */
    static void checkGroups(double[][] groups, String name) {
        Objects.requireNonNull(groups, name);
        if (groups.length < 2) {
            throw new IllegalArgumentException(name + " must hold at least 2 groups but had " + groups.length);
        }
        for (int g = 0; g < groups.length; g++) {
            double[] group = groups[g];
            if (group == null) {
                throw new IllegalArgumentException(name + "[" + g + "] is null");
            }
            if (group.length == 0) {
                throw new IllegalArgumentException(name + "[" + g + "] is empty");
            }
            checkFinite(group, name, g);
        }
    }

    /**
     * Checks a blocked matrix: at least one row, every row of the same length {@code k >= minColumns}, no NaN.
     *
     * @return k, the number of columns
     * @throws IllegalArgumentException naming the first bad row or value
     */
    static int checkBlocks(double[][] blocks, String name, int minColumns) {
        Objects.requireNonNull(blocks, name);
        if (blocks.length == 0) {
            throw new IllegalArgumentException(name + " is empty: at least one block (row) is needed");
        }
        if (blocks[0] == null) {
            throw new IllegalArgumentException(name + "[0] is null");
        }
        int k = blocks[0].length;
        if (k < minColumns) {
            throw new IllegalArgumentException(name + " must have at least " + minColumns
                + " columns (treatments) but " + name + "[0] has " + k);
        }
        for (int i = 0; i < blocks.length; i++) {
            double[] row = blocks[i];
            if (row == null) {
                throw new IllegalArgumentException(name + "[" + i + "] is null");
            }
            if (row.length != k) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + row.length + " values but "
                    + name + "[0] has " + k + " (the matrix must not be ragged)");
            }
            checkFinite(row, name, i);
        }
        return k;
    }

    /** Rejects NaN (infinities are ordinary, if extreme, values for a rank test). */
    static void checkFinite(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is NaN");
            }
        }
    }

    /**
     * Rejects NaN in row {@code row} of {@code name};
     * the message is built only for a NaN, since this runs for every row of every test.
     */
    static void checkFinite(double[] values, String name, int row) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException(name + "[" + row + "][" + i + "] is NaN");
            }
        }
    }
}
