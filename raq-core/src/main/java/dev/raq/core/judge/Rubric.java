package dev.raq.core.judge;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link GradingJudge} rates an answer on, G-Eval style: a named criterion, what it means, optional evaluation
 * steps the judge follows, and the scale (whole numbers from {@code lowest} to {@code highest}, higher better).
 *
 * @param name     a short name for reports, such as {@code "coherence"}
 * @param criteria what the criterion means, in the user's words
 * @param steps    how the judge should evaluate, in order (may be empty)
 * @param lowest   the lowest rating
 * @param highest  the highest rating, above {@code lowest}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record Rubric(String name, String criteria, List<String> steps, int lowest, int highest) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a text is blank or the scale is empty
     */
    public Rubric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(criteria, "criteria");
        Preconditions.checkArgument(!name.isBlank(), "a rubric's name must not be blank");
        Preconditions.checkArgument(!criteria.isBlank(), "a rubric's criteria must not be blank");
        Preconditions.checkArgument(lowest < highest, () -> "a rubric's scale must go up, but it goes from " + lowest
                + " to " + highest);
        steps = List.copyOf(steps);
        steps.forEach(s -> Preconditions.checkArgument(!s.isBlank(), "a rubric's steps must not be blank"));
    }

    /** A rubric without evaluation steps. */
    public static Rubric of(String name, String criteria, int lowest, int highest) {
        return new Rubric(name, criteria, List.of(), lowest, highest);
    }

    /** This rubric with these evaluation steps. */
    public Rubric steps(String... evaluationSteps) {
        return new Rubric(name, criteria, List.of(evaluationSteps), lowest, highest);
    }
}
