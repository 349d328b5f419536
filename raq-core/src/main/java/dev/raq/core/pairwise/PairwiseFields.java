package dev.raq.core.pairwise;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * The field names of a pairwise JSONL file. The defaults are Nova's: {@code prompt}, {@code response_A},
 * {@code response_B}; a reference answer and a verdict are read when their fields are named and present.
 *
 * @param prompt    the prompt field (required in every line)
 * @param responseA the first response's field (required)
 * @param responseB the second response's field (required)
 * @param reference the reference answer's field, or null to ignore references
 * @param verdict   the verdict's field, or null when the file carries no verdicts
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PairwiseFields(String prompt, String responseA, String responseB, @Nullable String reference,
                             @Nullable String verdict) {

    /** Nova's field names, with an optional {@code reference} and a {@code verdict} field. */
    public static final PairwiseFields NOVA = new PairwiseFields("prompt", "response_A", "response_B", "reference",
            "verdict");

    /** Validates that the required names are not blank. */
    public PairwiseFields {
        for (String[] f : new String[][] {{"prompt", prompt}, {"responseA", responseA}, {"responseB", responseB}}) {
            Objects.requireNonNull(f[1], f[0]);
            if (f[1].isBlank()) {
                throw new IllegalArgumentException(f[0] + " field name must not be blank");
            }
        }
    }

    /** These names with another verdict field (null: none). */
    public PairwiseFields withVerdict(@Nullable String verdictField) {
        return new PairwiseFields(prompt, responseA, responseB, reference, verdictField);
    }
}
