package dev.raq.core.significance;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.Optional;

/**
 * The verdict of a significance test for one pair of candidates.
 *
 * @param first       one candidate
 * @param second      the other candidate
 * @param pValue      the (adjusted) p-value of the pair, in [0, 1]
 * @param significant whether the pair differs at the test's alpha
 * @param better      the candidate the data favour (better mean rank, or more wins), or null on an exact tie;
 *                    reported whether or not the difference is significant
 * @param n           the observations (samples, or rankings) the pair's test rests on
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PairComparison(String first, String second, double pValue, boolean significant,
                             @Nullable String better, int n) {

    /** Validates the names and the p-value. */
    public PairComparison {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Preconditions.checkArgument(pValue >= 0 && pValue <= 1, () ->
                "pValue of " + first + " vs " + second + " must be in [0, 1] but was "
                + pValue);
        Preconditions.checkArgument(n >= 0, () -> "n of " + first + " vs " + second + " must be >= 0 but was " + n);
        if (better != null && !better.equals(first) && !better.equals(second)) {
            throw new IllegalArgumentException("better must be '" + first + "' or '" + second + "' but was '"
                    + better + "'");
        }
    }

    /** The favoured candidate, if the data favour one. */
    public Optional<String> favoured() {
        return Optional.ofNullable(better);
    }

    /** True when this comparison is about {@code a} and {@code b}, in either order. */
    public boolean concerns(String a, String b) {
        return (first.equals(a) && second.equals(b)) || (first.equals(b) && second.equals(a));
    }
}
