package dev.raq.core;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

/**
 * When an evaluation gives up instead of recording failures and going on.
 *
 * <p>Failed candidate calls and failed judge calls are always recorded against their item. With {@code stopAtFirstError} the
 * first failure aborts the run; otherwise the run aborts when, after at least {@code minItems} finished items
 * (candidate calls plus judge runs), more than {@code maxErrorRate} of them failed, or when the first
 * {@code deadAfter} finished calls of one candidate (or the first {@code deadAfter} judgments of one judge) all failed:
 * a wrong URL, a missing key or a judge whose replies cannot be read stops the run early instead of paying for every
 * sample. An aborted run throws an {@link EvaluationAbortedException} that carries the partial report.
 *
 * <p>Whatever the policy, a run that ends without a single usable judgment from one of its judges, or without one
 * sample that two candidates answered, throws an {@link EvaluationAbortedException} too: such a run has no evidence,
 * and an ordinary report would hide that.
 *
 * @param stopAtFirstError abort at the first failure
 * @param maxErrorRate the largest tolerated share of failed items, in [0, 1]; 1 never aborts
 * @param minItems     how many items must be finished before the error rate is checked (≥ 1)
 * @param deadAfter    abort when the first this many finished calls of one candidate, or judgments of one judge, all
 *                     failed; 0 never aborts for this reason
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record FailurePolicy(boolean stopAtFirstError, double maxErrorRate, int minItems, int deadAfter) {

    /** The items finished before the error rate is checked by {@link #maxErrorRate(double)}: {@value}. */
    public static final int DEFAULT_MIN_ITEMS = 20;
    /** The first calls of one candidate or judge that, all failed, abort a run by default: {@value}. */
    public static final int DEFAULT_DEAD_AFTER = 10;

    /**
     * Validates the ranges.
     *
     * @throws IllegalArgumentException if {@code maxErrorRate} is outside [0, 1] or {@code minItems < 1}
     */
    public FailurePolicy {
        Preconditions.checkArgument(maxErrorRate >= 0 && maxErrorRate <= 1, () ->
                "maxErrorRate must be in [0, 1] but was " + maxErrorRate);
        Preconditions.checkArgument(minItems >= 1, () -> "minItems must be >= 1 but was " + minItems);
        Preconditions.checkArgument(deadAfter >= 0, () -> "deadAfter must be >= 0 but was " + deadAfter);
    }

    /**
     * The default: records scattered failures and goes on, but aborts when the first
     * {@value #DEFAULT_DEAD_AFTER} calls of one candidate, or judgments of one judge, all failed.
     */
    public static FailurePolicy defaults() {
        return new FailurePolicy(false, 1, DEFAULT_MIN_ITEMS, DEFAULT_DEAD_AFTER);
    }

    /**
     * Records every failure and aborts only when the run ends without evidence (see the class description): for
     * runs that must reach every sample whatever fails.
     */
    public static FailurePolicy tolerant() {
        return new FailurePolicy(false, 1, DEFAULT_MIN_ITEMS, 0);
    }

    /** Aborts at the first failed candidate or judge call. */
    public static FailurePolicy failFast() {
        return new FailurePolicy(true, 1, 1, 1);
    }

    /**
     * Aborts once more than {@code maxErrorRate} of the finished items failed, checked after
     * {@value #DEFAULT_MIN_ITEMS} items, and as {@link #defaults()} does.
     *
     * @throws IllegalArgumentException if {@code maxErrorRate} is outside [0, 1]
     */
    public static FailurePolicy maxErrorRate(double maxErrorRate) {
        return new FailurePolicy(false, maxErrorRate, DEFAULT_MIN_ITEMS, DEFAULT_DEAD_AFTER);
    }
}
