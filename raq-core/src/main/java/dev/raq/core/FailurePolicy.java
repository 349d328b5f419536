package dev.raq.core;

/**
 * When an evaluation gives up instead of recording failures and going on.
 *
 * <p>Failed candidate calls and failed judge calls are always recorded against their item. With {@code stopAtFirstError} the
 * first failure aborts the run; otherwise the run aborts when, after at least {@code minItems} finished items
 * (candidate calls plus judge runs), more than {@code maxErrorRate} of them failed. An aborted run throws an
 * {@link EvaluationAbortedException} that carries the partial report.
 *
 * @param stopAtFirstError abort at the first failure
 * @param maxErrorRate the largest tolerated share of failed items, in [0, 1]; 1 never aborts
 * @param minItems     how many items must be finished before the error rate is checked (≥ 1)
 */
public record FailurePolicy(boolean stopAtFirstError, double maxErrorRate, int minItems) {

    /** The items finished before the error rate is checked by {@link #maxErrorRate(double)}: {@value}. */
    public static final int DEFAULT_MIN_ITEMS = 20;

    /**
     * Validates the ranges.
     *
     * @throws IllegalArgumentException if {@code maxErrorRate} is outside [0, 1] or {@code minItems < 1}
     */
    public FailurePolicy {
        if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
            throw new IllegalArgumentException("maxErrorRate must be in [0, 1] but was " + maxErrorRate);
        }
        if (minItems < 1) {
            throw new IllegalArgumentException("minItems must be >= 1 but was " + minItems);
        }
    }

    /** Records every failure and never aborts (the default). */
    public static FailurePolicy tolerant() {
        return new FailurePolicy(false, 1, DEFAULT_MIN_ITEMS);
    }

    /** Aborts at the first failed candidate or judge call. */
    public static FailurePolicy failFast() {
        return new FailurePolicy(true, 1, 1);
    }

    /**
     * Aborts once more than {@code maxErrorRate} of the finished items failed, checked after
     * {@value #DEFAULT_MIN_ITEMS} items.
     *
     * @throws IllegalArgumentException if {@code maxErrorRate} is outside [0, 1]
     */
    public static FailurePolicy maxErrorRate(double maxErrorRate) {
        return new FailurePolicy(false, maxErrorRate, DEFAULT_MIN_ITEMS);
    }
}
