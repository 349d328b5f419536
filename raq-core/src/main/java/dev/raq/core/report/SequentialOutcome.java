package dev.raq.core.report;

import org.apiguardian.api.API;

import java.util.Locale;

/**
 * How a sequential evaluation ended: at which look, after how many of the dataset's samples, and at what level the
 * report's significance test ran (its share of alpha under the alpha-spending design).
 *
 * @param look          the look the run ended at, from 1
 * @param samples       the samples judged by then (the report's samples)
 * @param total         the dataset's samples
 * @param level         the level the report's test ran at
 * @param alpha         the evaluation's alpha over all looks
 * @param stoppedEarly  true when every pair differed at this look before the dataset was exhausted
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SequentialOutcome(int look, int samples, int total, double level, double alpha, boolean stoppedEarly) {

    /** The samples not evaluated because the run stopped early. */
    public int samplesSaved() {
        return total - samples;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s at look %d after %d of %d samples%s; the test ran at level %.4g, "
                + "this look's share of the run's alpha of %s (O'Brien–Fleming spending)",
                stoppedEarly ? "Stopped early" : "Ran to the end", look, samples, total,
                stoppedEarly ? " (" + samplesSaved() + " samples not needed)" : "", level, alpha);
    }
}
