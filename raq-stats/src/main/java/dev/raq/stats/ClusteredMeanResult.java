package dev.raq.stats;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A mean with its naive and cluster-robust standard errors (see {@link ClusteredMean}).
 *
 * @param mean        the mean
 * @param n           the number of values
 * @param clusters    the number of clusters G
 * @param seNaive     {@code sd/√n} (n − 1 denominator), as if the items were independent
 * @param seClustered the CR1 cluster-robust standard error, or NaN with a single cluster
 * @param interval    the Student t interval with G − 1 degrees of freedom (not clipped to the values' range), or null
 *                    with a single cluster
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ClusteredMeanResult(double mean, int n, int clusters, double seNaive, double seClustered,
                                  @Nullable ConfidenceInterval interval) {

    /** How much the clustering widens the standard error: {@code (seClustered / seNaive)²}, the design effect. */
    public double designEffect() {
        return (seClustered / seNaive) * (seClustered / seNaive);
    }
}
