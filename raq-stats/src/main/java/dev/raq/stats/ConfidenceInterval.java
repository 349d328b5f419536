package dev.raq.stats;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

/**
 * A two-sided confidence interval {@code [lower, upper]} at a confidence level.
 *
 * @param lower the lower bound
 * @param upper the upper bound, at least {@code lower}
 * @param level the confidence level in (0, 1), such as 0.95
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ConfidenceInterval(double lower, double upper, double level) {

    /**
     * Validates the bounds and the level.
     *
     * @throws IllegalArgumentException if a bound is NaN, {@code lower > upper}, or the level is outside (0, 1)
     */
    public ConfidenceInterval {
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException("bounds must not be NaN but were [" + lower + ", " + upper + "]");
        }
        Preconditions.checkArgument(lower <= upper, () ->
                "lower must be <= upper but was [" + lower + ", " + upper + "]");
        Preconditions.checkArgument(level > 0 && level < 1, () -> "level must be in (0, 1) but was " + level);
    }

    /** True when {@code value} lies within the interval, bounds included. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /** {@code upper − lower}. */
    public double width() {
        return upper - lower;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "[%.6g, %.6g] (%.0f%%)", lower, upper, level * 100);
    }
}
