package dev.raq.stats;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;

/**
 * The interval arithmetic of {@link Bootstrap}: quantiles of the bootstrap distribution (numpy's default
 * "linear" rule) and the BCa adjustment of Efron &amp; Tibshirani (1993), ch. 14.
 */
final class BootstrapIntervals {

    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    private BootstrapIntervals() {
    }

    /**
     * The {@code p}-quantile of sorted values by linear interpolation between order statistics (Hyndman &amp; Fan
     * type 7, numpy.percentile's default {@code method="linear"}): with {@code h = (n - 1) p}, the value
     * {@code x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h])}.
     */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double frac = h - lo;
        return frac == 0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }

    /**
     * The percentile interval, or the BCa interval when {@code jackknife} is given.
     *
     * @param replicates the bootstrap replicates (not modified)
     * @param estimate   the statistic on the original data (used by BCa only)
     * @param jackknife  leave-one-out values of the statistic, or null for the percentile interval
     * @param counts     how many deletions each jackknife value stands for (null: one each)
     * @param what       names the statistic in error messages
     */
    static ConfidenceInterval interval(double[] replicates, double confidence, double estimate,
                                       double @Nullable [] jackknife, double @Nullable [] counts, String what) {
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        double alpha = (1 - confidence) / 2;
        if (jackknife == null) {
            return new ConfidenceInterval(quantile(sorted, alpha), quantile(sorted, 1 - alpha), confidence);
        }
        double z0 = biasCorrection(sorted, estimate, what);
        double a = acceleration(jackknife, counts);
        double lowerLevel = adjustedLevel(z0, a, NORMAL.inverseCumulativeProbability(alpha), what);
        double upperLevel = adjustedLevel(z0, a, NORMAL.inverseCumulativeProbability(1 - alpha), what);
        return new ConfidenceInterval(quantile(sorted, lowerLevel), quantile(sorted, upperLevel), confidence);
    }

    /**
     * {@code z0 = Φ⁻¹(share of replicates below the estimate)} (E&amp;T eq. 14.14), where replicates equal to the
     * estimate count half (as scipy.stats.bootstrap does; without ties this is E&amp;T's share).
     */
    static double biasCorrection(double[] sorted, double estimate, String what) {
        int below = 0;
        int equal = 0;
        for (double v : sorted) {
            if (v < estimate) {
                below++;
            } else if (v == estimate) {
                equal++;
            }
        }
        double share = (below + 0.5 * equal) / sorted.length;
        if (share <= 0 || share >= 1) {
            throw new IllegalArgumentException("the BCa interval of " + what + " is undefined: all "
                    + sorted.length + " bootstrap replicates lie " + (share <= 0 ? "above" : "below")
                    + " the estimate " + estimate + "; use the percentile method");
        }
        return NORMAL.inverseCumulativeProbability(share);
    }

    /**
     * The acceleration {@code a = Σ d³ / (6 (Σ d²)^1.5)} with {@code d = mean(jackknife) - jackknife[i]}
     * (E&amp;T eq. 14.15), each value counted {@code counts[i]} times; 0 when the jackknife values are all equal.
     */
    static double acceleration(double[] jackknife, double @Nullable [] counts) {
        double total = 0;
        double sum = 0;
        for (int i = 0; i < jackknife.length; i++) {
            double c = counts == null ? 1 : counts[i];
            total += c;
            sum += c * jackknife[i];
        }
        double mean = sum / total;
        double squares = 0;
        double cubes = 0;
        for (int i = 0; i < jackknife.length; i++) {
            double c = counts == null ? 1 : counts[i];
            double d = mean - jackknife[i];
            squares += c * d * d;
            cubes += c * d * d * d;
        }
        return squares == 0 ? 0 : cubes / (6 * Math.pow(squares, 1.5));
    }

    private static double adjustedLevel(double z0, double a, double z, String what) {
        double denominator = 1 - a * (z0 + z);
        if (!(denominator > 0)) {
            throw new IllegalArgumentException("the BCa interval of " + what + " is undefined: acceleration " + a
                    + " is too large for bias correction " + z0 + "; use the percentile method");
        }
        return NORMAL.cumulativeProbability(z0 + (z0 + z) / denominator);
    }
}
