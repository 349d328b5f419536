package dev.raq.core.report;

import org.apiguardian.api.API;

import java.util.Locale;
import java.util.Objects;

/**
 * A sample-size plan from a pilot run (see {@link SampleSizePlanner}).
 *
 * @param first          one candidate
 * @param second         the other
 * @param test           the significance test the plan is for
 * @param targetPower    the power asked for
 * @param samples        the smallest n found to reach it (within 2%), or the largest n tried when not reached
 * @param power          the power estimated at {@code samples}
 * @param powerError     its Monte-Carlo standard error
 * @param reached        false when even the largest n tried did not reach the target
 * @param pilotDifference the pilot's mean rank difference {@code first − second} the plan assumes is true
 * @param replications   resamples per n tried
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SampleSizePlan(String first, String second, String test, double targetPower, int samples, double power,
                             double powerError, boolean reached, double pilotDifference, int replications) {

    /** Validates. */
    public SampleSizePlan {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(test, "test");
    }

    /** One sentence a user can act on. */
    @Override
    public String toString() {
        return reached
                ? String.format(Locale.ROOT, "%s vs %s with %s: about %d samples for %.0f%% power (estimated %.2f ± "
                        + "%.2f), assuming the pilot's mean rank difference of %.3f is real", first, second, test,
                        samples, 100 * targetPower, power, powerError, pilotDifference)
                : String.format(Locale.ROOT, "%s vs %s with %s: even %d samples reach only %.2f power; the pilot's "
                        + "difference of %.3f is too small to plan for", first, second, test, samples, power,
                        pilotDifference);
    }
}
