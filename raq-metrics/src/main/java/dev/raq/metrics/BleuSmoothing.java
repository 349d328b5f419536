package dev.raq.metrics;

import org.apiguardian.api.API;

import java.util.Objects;

/**
 * How BLEU treats n-gram orders without matches, as sacreBLEU's {@code smooth_method} and {@code smooth_value}
 * (methods of Chen and Cherry, "A Systematic Comparison of Smoothing Techniques for Sentence-Level BLEU", WMT 2014).
 *
 * @param method the method
 * @param value  its parameter: the floor for {@link Method#FLOOR}, k for {@link Method#ADD_K}, 0 otherwise
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BleuSmoothing(Method method, double value) {

    /** The default floor of {@link #floor()}, as in sacreBLEU. */
    public static final double DEFAULT_FLOOR = 0.1;

    /** The default k of {@link #addK()}, as in sacreBLEU. */
    public static final int DEFAULT_K = 1;

    /** The smoothing methods of sacreBLEU. */
    public enum Method {
        /** No smoothing ({@code none}): an order without matches makes the score 0. */
        NONE,
        /** Floor ({@code floor}, method 1): an order without matches gets precision {@code value / total}. */
        FLOOR,
        /** Add-k ({@code add-k}, method 2): k is added to the matches and totals of orders 2 and up. */
        ADD_K,
        /** NIST exponential ({@code exp}, method 3, mteval-v13a): the k-th empty order gets {@code 1 / (2^k total)}. */
        EXP
    }

    /**
     * Validates the parameter.
     *
     * @throws IllegalArgumentException when {@code value} is negative or not finite, when ADD_K's k is not a whole
     *                                  number, or when NONE or EXP get a value other than 0
     */
    public BleuSmoothing {
        Objects.requireNonNull(method, "method");
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("smoothing value must be finite and >= 0 but was " + value);
        }
        if ((method == Method.NONE || method == Method.EXP) && value != 0) {
            throw new IllegalArgumentException("smoothing " + method + " takes no value but got " + value);
        }
        if (method == Method.ADD_K && value != Math.rint(value)) {
            throw new IllegalArgumentException("add-k needs a whole k (so that the reported counts stay integers; "
                    + "sacreBLEU also accepts fractions) but was " + value);
        }
    }

    /** sacreBLEU's default, {@code exp}. */
    public static BleuSmoothing exp() {
        return new BleuSmoothing(Method.EXP, 0);
    }

    /** No smoothing, {@code none}. */
    public static BleuSmoothing none() {
        return new BleuSmoothing(Method.NONE, 0);
    }

    /** {@code floor} with sacreBLEU's default {@value #DEFAULT_FLOOR}. */
    public static BleuSmoothing floor() {
        return floor(DEFAULT_FLOOR);
    }

    /**
     * {@code floor} with the given value.
     *
     * @param value the precision numerator used for orders without matches; finite and &gt;= 0
     * @return the smoothing
     */
    public static BleuSmoothing floor(double value) {
        return new BleuSmoothing(Method.FLOOR, value);
    }

    /** {@code add-k} with sacreBLEU's default k = {@value #DEFAULT_K}. */
    public static BleuSmoothing addK() {
        return addK(DEFAULT_K);
    }

    /**
     * {@code add-k} with the given k.
     *
     * @param k added to matches and totals of orders 2 to 4; &gt;= 0
     * @return the smoothing
     */
    public static BleuSmoothing addK(int k) {
        return new BleuSmoothing(Method.ADD_K, k);
    }
}
