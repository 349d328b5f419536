package dev.raq.core.data;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of an evaluation: a question, optional context, the reference answers a judge compares against, and
 * free-form metadata (carried into reports, never interpreted).
 *
 * @param id         a non-blank identifier, unique within a dataset
 * @param question   the question or instruction, verbatim
 * @param context    the context passage, or null when the sample has none
 * @param references the reference (ground-truth) answers; empty when the dataset has none
 * @param metadata   free-form string attributes; copied
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Sample(String id, String question, @Nullable String context, List<String> references,
                     Map<String, String> metadata) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the id is blank or a reference is null
     */
    public Sample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(references, "references");
        Objects.requireNonNull(metadata, "metadata");
        Preconditions.checkArgument(!id.isBlank(), "id must not be blank");
        for (int i = 0; i < references.size(); i++) {
            if (references.get(i) == null) {
                throw new IllegalArgumentException("references[" + i + "] of sample '" + id + "' is null");
            }
        }
        references = List.copyOf(references);
        metadata = Map.copyOf(metadata);
    }

    /** A sample with a question and reference answers, no context and no metadata. */
    public static Sample of(String id, String question, String... references) {
        return new Sample(id, question, null, List.of(references), Map.of());
    }

    /** The context passage, if any. */
    public Optional<String> contextIfPresent() {
        return Optional.ofNullable(context);
    }

    /** True when the sample has at least one reference answer. */
    public boolean hasReferences() {
        return !references.isEmpty();
    }
}
