package dev.raq.stats;

/**
 * Builds the symmetric k×k p-value matrix of a post-hoc test from its k(k−1)/2 upper-triangle p-values (row-major,
 * i &lt; j), adjusting them as one family the way scikit-posthocs does.
 */
final class PostHocMatrices {

    private PostHocMatrices() {
    }

    /**
     * The adjusted, mirrored matrix with 1 on the diagonal. NaN p-values (pairs whose statistic is 0/0) stay NaN and
     * the defined ones are adjusted as one family among themselves. In the tests here the family is either all NaN
     * (zero rank variance) or has NaN only for pairs with 0/0 statistics (Conover–Friedman when every block ranks
     * identically and two treatments tie throughout); statsmodels would let such a NaN spread to other pairs in
     * a method-dependent way, which is not meaningful, so this deliberately differs there.
     */
    static double[][] adjusted(double[] upper, int k, PAdjust adjustment) {
        int defined = 0;
        for (double p : upper) {
            if (!Double.isNaN(p)) {
                defined++;
            }
        }
        double[] family = new double[defined];
        int next = 0;
        for (double p : upper) {
            if (!Double.isNaN(p)) {
                family[next++] = Math.min(1.0, p);
            }
        }
        double[] adjustedFamily = adjustment.adjust(family);
        double[] adjustedUpper = new double[upper.length];
        next = 0;
        for (int i = 0; i < upper.length; i++) {
            adjustedUpper[i] = Double.isNaN(upper[i]) ? Double.NaN : adjustedFamily[next++];
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
}
