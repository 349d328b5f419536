package dev.raq.metrics;

import org.apiguardian.api.API;

/**
 * A TER score, the fields of sacreBLEU's {@code TERScore}; lower is better.
 *
 * @param score     100 * numEdits / refLength; 100 when the references are empty but the hypothesis is not, 0 when
 *                  both are empty (can exceed 100)
 * @param numEdits  the edits (shifts, insertions, deletions, substitutions), per segment the minimum over its
 *                  references, summed
 * @param refLength per segment the average reference length in words, summed
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record TerScore(double score, long numEdits, double refLength) {
}
