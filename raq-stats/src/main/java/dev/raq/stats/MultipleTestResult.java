package dev.raq.stats;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * The outcome of adjusting a family of p-values with {@link PAdjust#test(double[], double)}: the fields of
 * statsmodels' {@code multipletests} result.
 *
 * @param method      the adjustment applied
 * @param alpha       the family level the rejections are made at
 * @param adjusted    adjusted p-values in input order, capped at 1
 * @param rejected    whether each hypothesis is rejected at {@code alpha}, in input order
 * @param alphacSidak the Šidák per-test level {@code 1 − (1 − alpha)^(1/m)} (NaN for an empty family)
 * @param alphacBonf  the Bonferroni per-test level {@code alpha / m} (NaN for an empty family)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record MultipleTestResult(PAdjust method, double alpha, double[] adjusted, boolean[] rejected,
                                 double alphacSidak, double alphacBonf) {

    /** Validates and defensively copies the arrays. */
    public MultipleTestResult {
        Objects.requireNonNull(method, "method");
        adjusted = adjusted.clone();
        rejected = rejected.clone();
        if (adjusted.length != rejected.length) {
            throw new IllegalArgumentException("adjusted and rejected differ in length: " + adjusted.length
                + " vs " + rejected.length);
        }
    }

    /** A copy of the adjusted p-values, in input order. */
    @Override
    public double[] adjusted() {
        return adjusted.clone();
    }

    /** A copy of the rejection flags, in input order. */
    @Override
    public boolean[] rejected() {
        return rejected.clone();
    }
}
