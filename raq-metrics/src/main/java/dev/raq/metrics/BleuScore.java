package dev.raq.metrics;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

/**
 * A BLEU score with its sufficient statistics, the fields of sacreBLEU's {@code BLEUScore}.
 *
 * @param score      BLEU on the 0-100 scale
 * @param counts     matching n-grams for n = 1..4, clipped by the maximum count in any one reference; with add-k
 *                   smoothing the orders the computation reached include +k, exactly as sacreBLEU reports them
 * @param totals     hypothesis n-grams for n = 1..4 (with add-k likewise including +k)
 * @param precisions n-gram precisions in percent, after smoothing
 * @param bp         the brevity penalty
 * @param sysLen     the number of hypothesis tokens
 * @param refLen     the effective reference length: per segment the reference length closest to the hypothesis
 *                   length (ties go to the shorter one), summed
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BleuScore(double score, List<Long> counts, List<Long> totals, List<Double> precisions, double bp,
                        long sysLen, long refLen) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException when a list does not have 4 elements
     */
    public BleuScore {
        counts = List.copyOf(Objects.requireNonNull(counts, "counts"));
        totals = List.copyOf(Objects.requireNonNull(totals, "totals"));
        precisions = List.copyOf(Objects.requireNonNull(precisions, "precisions"));
        if (counts.size() != Bleu.MAX_ORDER || totals.size() != Bleu.MAX_ORDER
                || precisions.size() != Bleu.MAX_ORDER) {
            throw new IllegalArgumentException("counts, totals and precisions need " + Bleu.MAX_ORDER
                    + " elements but had " + counts.size() + ", " + totals.size() + ", " + precisions.size());
        }
    }

    /** The ratio of hypothesis to reference length ({@code sysLen / refLen}), 0 when {@code refLen} is 0. */
    public double ratio() {
        return refLen == 0 ? 0 : (double) sysLen / refLen;
    }
}
