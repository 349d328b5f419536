package dev.raq.metrics;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

/**
 * SQuAD exact match and token F1, for one question or aggregated over a dataset.
 *
 * <p>For one question ({@link SquadMetrics#score}) both are fractions: exact match is 0 or 1 and F1 is in [0, 1]. For
 * a dataset ({@link SquadMetrics#evaluate}) both are percentages in [0, 100], as the official script prints them.
 *
 * @param exactMatch the exact-match score
 * @param f1         the token F1 score
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SquadScore(double exactMatch, double f1) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is negative, above 100 or NaN
     */
    public SquadScore {
        Preconditions.checkArgument(exactMatch >= 0 && exactMatch <= 100, () ->
                "exactMatch must be in [0, 100] but was " + exactMatch);
        Preconditions.checkArgument(f1 >= 0 && f1 <= 100, () -> "f1 must be in [0, 100] but was " + f1);
    }
}
