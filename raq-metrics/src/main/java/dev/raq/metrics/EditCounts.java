package dev.raq.metrics;

import org.apiguardian.api.API;

/**
 * The edit operations of a minimal Levenshtein alignment of a hypothesis to a reference, in words (WER) or
 * characters (CER); the counts of several segments add up with {@link #plus(EditCounts)} for a corpus rate.
 *
 * @param substitutions   reference units replaced by another unit
 * @param deletions       reference units missing from the hypothesis
 * @param insertions      hypothesis units not in the reference
 * @param referenceLength the number of units in the reference
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record EditCounts(int substitutions, int deletions, int insertions, int referenceLength) {

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException if a count is negative or substitutions + deletions exceed the reference
     */
    public EditCounts {
        if (substitutions < 0 || deletions < 0 || insertions < 0 || referenceLength < 0) {
            throw new IllegalArgumentException("counts must be non-negative but were S=" + substitutions + " D="
                    + deletions + " I=" + insertions + " N=" + referenceLength);
        }
        if (substitutions + deletions > referenceLength) {
            throw new IllegalArgumentException("substitutions + deletions (" + (substitutions + deletions)
                    + ") must not exceed referenceLength " + referenceLength);
        }
    }

    /** The number of edits, S + D + I: the Levenshtein distance. */
    public int errors() {
        return substitutions + deletions + insertions;
    }

    /** The reference units the hypothesis got right, N − S − D. */
    public int hits() {
        return referenceLength - substitutions - deletions;
    }

    /** The number of units in the hypothesis, H + S + I. */
    public int hypothesisLength() {
        return hits() + substitutions + insertions;
    }

    /**
     * The error rate (S + D + I) / N; above 1 when the hypothesis has many insertions.
     *
     * @return the rate, 0 for an empty reference and an empty hypothesis
     * @throws IllegalStateException when the reference is empty and the hypothesis is not (the rate is undefined;
     *                               {@link #isDefined()} tells beforehand)
     */
    public double rate() {
        if (referenceLength == 0) {
            if (insertions == 0) {
                return 0.0;
            }
            throw new IllegalStateException("the error rate is undefined for an empty reference and a hypothesis of "
                    + insertions + " units");
        }
        return (double) errors() / referenceLength;
    }

    /** Whether {@link #rate()} is defined: the reference is non-empty or the hypothesis is empty too. */
    public boolean isDefined() {
        return referenceLength > 0 || insertions == 0;
    }

    /** The counts of this segment and {@code other} together, for a corpus-level rate. */
    public EditCounts plus(EditCounts other) {
        return new EditCounts(substitutions + other.substitutions, deletions + other.deletions,
                insertions + other.insertions, referenceLength + other.referenceLength);
    }
}
