package dev.raq.core.pairwise;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link Leaderboard} is fitted.
 *
 * @param baseline        the model anchored at {@code anchorRating} and scored against, or null for none
 * @param anchorRating    the baseline's rating, and the initial rating of online Elo (default 1000)
 * @param scale           the rating scale (default 400)
 * @param base            the logistic base (default 10)
 * @param bootstrapRounds bootstrap rounds for the intervals and pair tests (default 100, as Arena-Hard), at least 1
 * @param confidence      the interval's confidence level in (0, 1) (default 0.95); alpha of pair tests is 1 − it
 * @param seed            the bootstrap seed
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LeaderboardOptions(@Nullable String baseline, double anchorRating, double scale, double base,
                                 int bootstrapRounds, double confidence, long seed) {

    /** Arena-Hard's defaults: anchor 1000, scale 400, base 10, 100 bootstrap rounds, 95%, seed 42. */
    public static LeaderboardOptions arenaHard(@Nullable String baseline) {
        return new LeaderboardOptions(baseline, 1000, 400, 10, 100, 0.95, 42);
    }

    /** Validates the ranges. */
    public LeaderboardOptions {
        if (!Double.isFinite(anchorRating)) {
            throw new IllegalArgumentException("anchorRating must be finite but was " + anchorRating);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be > 0 but was " + scale);
        }
        if (!(base > 1) || Double.isInfinite(base)) {
            throw new IllegalArgumentException("base must be > 1 but was " + base);
        }
        Preconditions.checkArgument(bootstrapRounds >= 1, () ->
                "bootstrapRounds must be >= 1 but was " + bootstrapRounds);
        Preconditions.checkArgument(confidence > 0 && confidence < 1, () ->
                "confidence must be in (0, 1) but was " + confidence);
        if (baseline != null && baseline.isBlank()) {
            throw new IllegalArgumentException("baseline must not be blank");
        }
    }

    /** These options with another number of bootstrap rounds. */
    public LeaderboardOptions withBootstrapRounds(int rounds) {
        return new LeaderboardOptions(baseline, anchorRating, scale, base, rounds, confidence, seed);
    }

    /** These options with another seed. */
    public LeaderboardOptions withSeed(long newSeed) {
        return new LeaderboardOptions(baseline, anchorRating, scale, base, bootstrapRounds, confidence, newSeed);
    }
}
