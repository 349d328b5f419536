package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The mean of values whose items come in clusters (questions about one passage, turns of one conversation, prompts
 * from one template), with the cluster-robust standard error: items of one cluster are not independent, so the
 * naive standard error {@code sd/√n} is too small when they resemble each other.
 *
 * <p>CR1: {@code SE = √(G/(G−1) · Σ_c (Σ_{i∈c} (y_i − ȳ))²) / n} with G clusters, and a Student t interval with
 * G − 1 degrees of freedom. Matches statsmodels {@code OLS(y, ones).fit(cov_type='cluster')} (whose small-sample
 * factor {@code G/(G−1) · (n−1)/(n−k)} is {@code G/(G−1)} for the mean) with {@code scipy.stats.t.ppf(q, G − 1)},
 * and Miller 2024 ("Adding Error Bars to Evals", appendix A) with the finite-cluster correction. The t quantile
 * agrees with scipy 1.17's {@code t.ppf} to about 1e-13; scipy 1.10 (cephes {@code stdtrit}) is off by up to 4e-9
 * relative at some degrees of freedom, so intervals computed with it differ in the ninth digit. Stateless.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ClusteredMean {

    private ClusteredMean() {
    }

    /**
     * The mean with naive and clustered standard errors and the clustered t interval.
     *
     * @param values     the values, at least two, finite
     * @param clusters   each value's cluster label (same length; labels compared with {@code equals})
     * @param confidence the interval's level, in (0, 1)
     * @return the result; with a single cluster the clustered standard error and the interval are NaN
     * @throws IllegalArgumentException if the arrays differ in length, hold fewer than two values, a value is not
     *                                  finite, or the confidence is outside (0, 1)
     */
    public static ClusteredMeanResult of(double[] values, String[] clusters, double confidence) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(clusters, "clusters");
        int n = values.length;
        Preconditions.checkArgument(clusters.length == n, () ->
                "values and clusters must have the same length but had " + n
                + " and " + clusters.length);
        Preconditions.checkArgument(n >= 2, () -> "values must hold at least two values but had " + n);
        Preconditions.checkArgument(confidence > 0 && confidence < 1, () ->
                "confidence must be in (0, 1) but was " + confidence);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("values[" + i + "] must be finite but was " + values[i]);
            }
            sum += values[i];
        }
        double mean = sum / n;
        double ss = 0;
        Map<String, Double> residualSums = new HashMap<>();
        for (int i = 0; i < n; i++) {
            double r = values[i] - mean;
            ss += r * r;
            int index = i;
            residualSums.merge(Objects.requireNonNull(clusters[i], () -> "clusters[" + index + "]"), r, Double::sum);
        }
        int g = residualSums.size();
        double seNaive = Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        double meat = 0;
        for (double s : residualSums.values()) {
            meat += s * s;
        }
        double seClustered = g < 2 ? Double.NaN : Math.sqrt((double) g / (g - 1) * meat) / n;
        double t = g < 2 ? Double.NaN : TailProbabilities.studentIsf((1 - confidence) / 2, g - 1);
        ConfidenceInterval interval = g < 2 ? null
                : new ConfidenceInterval(mean - t * seClustered, mean + t * seClustered, confidence);
        return new ClusteredMeanResult(mean, n, g, seNaive, seClustered, interval);
    }
}
