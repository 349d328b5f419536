package dev.raq.stats;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.special.Gamma;

/**
 * Upper-tail probabilities computed directly (never as {@code 1 − cdf}), so that p-values far below 1e-16 keep their
 * relative precision, as scipy's {@code sf} methods do.
 */
final class UpperTails {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();

    private UpperTails() {
    }

    /** P(Z ≥ z) for a standard normal Z. */
    static double normal(double z) {
        return STANDARD_NORMAL.cumulativeProbability(-z);
    }

    /** P(X ≥ x) for a chi-square X with {@code df} degrees of freedom; 1 for x ≤ 0, NaN for NaN. */
    static double chiSquare(double x, double df) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1.0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        return Gamma.regularizedGammaQ(df / 2, x / 2);
    }

    /** P(T ≥ t) for Student's t with {@code df} degrees of freedom. */
    static double studentT(double t, double df) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        if (t == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        return new TDistribution(df).cumulativeProbability(-t);
    }
}
