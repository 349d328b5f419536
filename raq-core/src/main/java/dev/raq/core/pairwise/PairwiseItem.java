package dev.raq.core.pairwise;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * One line of a pairwise file in Nova's format: a prompt, two existing responses, optionally a reference answer and
 * a verdict already given by some judge.
 *
 * @param line      the 1-based line number in the file it was read from (0 when built in memory)
 * @param prompt    the prompt both responses answer
 * @param responseA the first response
 * @param responseB the second response
 * @param reference the reference answer, or null
 * @param verdict   the verdict text as found in the file (a label such as {@code A>B} or {@code [[B>A]]}), or null
 *                  when the line carries none
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PairwiseItem(int line, String prompt, String responseA, String responseB, @Nullable String reference,
                           @Nullable String verdict) {

    /** Validates that the texts are not null. */
    public PairwiseItem {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(responseA, "responseA");
        Objects.requireNonNull(responseB, "responseB");
    }
}
