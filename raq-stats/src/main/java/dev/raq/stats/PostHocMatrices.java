package dev.raq.stats;

/**
 * Builds the symmetric k×k p-value matrix of a post-hoc test from its k(k−1)/2 upper-triangle p-values (row-major,
 * i &lt; j), adjusting them as one family the way scikit-posthocs does.
 */
final class PostHocMatrices {

    private PostHocMatrices() {
    }

    /**
     * The adjusted, mirrored matrix with 1 on the diagonal. The family is all NaN or all defined in every test that
     * calls this (an undefined variance is shared by all pairs); an all-NaN family stays NaN, as statsmodels returns
     * it.
     */
    static double[][] adjusted(double[] upper, int k, PAdjust adjustment) {
        boolean anyNaN = false;
        for (double p : upper) {
            anyNaN |= Double.isNaN(p);
        }
        double[] adjustedUpper = anyNaN ? upper.clone() : adjustment.adjust(clampToUnit(upper));
        if (anyNaN) {
            java.util.Arrays.fill(adjustedUpper, Double.NaN);
        }
        return mirror(adjustedUpper, k);
    }

    /** The symmetric matrix with 1 on the diagonal and {@code upper} (row-major, i &lt; j) off it. */
    static double[][] mirror(double[] upper, int k) {
        double[][] m = new double[k][k];
        int pair = 0;
        for (int i = 0; i < k; i++) {
            m[i][i] = 1.0;
            for (int j = i + 1; j < k; j++) {
                m[i][j] = upper[pair];
                m[j][i] = upper[pair];
                pair++;
            }
        }
        return m;
    }

    /** Two-sided p-values computed as 2·sf may exceed 1 by rounding; PAdjust requires [0, 1]. */
    private static double[] clampToUnit(double[] p) {
        double[] out = p.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.min(1.0, out[i]);
        }
        return out;
    }
}
