package dev.raq.core.report;

import dev.raq.stats.PairedDifferenceResult;

import java.util.Objects;

/**
 * How big the difference between two candidates is, on the samples both were measured on: the mean per-sample
 * difference {@code first − second} of a measure with its intervals ({@link dev.raq.stats.PairedDifference}). For
 * ranks a negative difference favours {@code first} (rank 1 is best); for a metric's scores a positive one does.
 * The intervals answer "how big" for this pair alone: they are not adjusted for the number of pairs compared, so
 * an interval can exclude zero where the report's (adjusted) significance test does not call the pair significant.
 *
 * @param first      one candidate
 * @param second     the other
 * @param measure    {@code "rank"}, or the name of the metric judge whose scores are compared
 * @param difference the paired difference, its standard error, t and z intervals (95%), t test and correlation
 */
public record PairDifference(String first, String second, String measure, PairedDifferenceResult difference) {

    /** Validates. */
    public PairDifference {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(difference, "difference");
    }

    /** True when the 95% t interval of the difference excludes zero. */
    public boolean excludesZero() {
        return difference.tInterval().lower() > 0 || difference.tInterval().upper() < 0;
    }
}
