package dev.raq.core.significance;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The omnibus part of a significance result: does any candidate differ at all (Kruskal–Wallis, Friedman)?
 *
 * @param test      the omnibus test's name
 * @param statistic the test statistic (NaN exactly when {@code defined} is false)
 * @param pValue    its p-value (NaN exactly when {@code defined} is false)
 * @param defined   false when the statistic is undefined for these data, such as when every rank is equal
 * @param effectSize how large the differences are, beside the p-value: Kendall's W for Friedman
 *                   ({@code χ²/(n(k−1))}, 0 = no agreement between samples on an order, 1 = every sample ranks alike),
 *                   epsilon-squared for Kruskal–Wallis ({@code H/(N−1)}); NaN when undefined
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Omnibus(String test, double statistic, double pValue, boolean defined, double effectSize) {

    /** Validates that NaN appears exactly when the result is undefined. */
    public Omnibus {
        Objects.requireNonNull(test, "test");
        if (defined && (Double.isNaN(statistic) || Double.isNaN(pValue))) {
            throw new IllegalArgumentException("a defined omnibus result needs a statistic and a p-value");
        }
    }
}
