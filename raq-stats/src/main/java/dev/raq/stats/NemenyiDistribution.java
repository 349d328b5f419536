package dev.raq.stats;

import org.apiguardian.api.API;

/**
 * The reference distribution of the Nemenyi test for independent groups, as scikit-posthocs'
 * {@code posthoc_nemenyi(dist=...)}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum NemenyiDistribution {
    /**
     * Chi-square with k − 1 degrees of freedom, with the Kruskal–Wallis tie correction ({@code dist="chi"}, the
     * scikit-posthocs default).
     */
    CHI_SQUARE,
    /**
     * The studentized range with k groups and infinite degrees of freedom, without tie correction
     * ({@code dist="tukey"}).
     */
    STUDENTIZED_RANGE
}
