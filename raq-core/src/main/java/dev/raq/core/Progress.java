package dev.raq.core;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of a running evaluation, given to a {@link ProgressListener} after every finished answer and sample.
 *
 * @param samplesDone  samples fully processed (answered and judged, or recorded as not judgeable)
 * @param samplesTotal samples in the dataset
 * @param answers      candidate answers finished, successful or not (including answers reused from the store)
 * @param answerErrors candidate calls that failed
 * @param judgments    judge runs finished, successful or not
 * @param judgeErrors  judge runs that produced no ranking
 * @param elapsed      time since the run started, by the evaluation's clock
 * @param eta          the estimated time to finish, or null before the first sample is done
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Progress(int samplesDone, int samplesTotal, long answers, long answerErrors, long judgments,
                       long judgeErrors, Duration elapsed, @Nullable Duration eta) {

    /** The estimated time to finish, once one sample is done. */
    public Optional<Duration> etaIfKnown() {
        return Optional.ofNullable(eta);
    }

    /** The share of samples done, in [0, 1]. */
    public double fraction() {
        return samplesTotal == 0 ? 1 : (double) samplesDone / samplesTotal;
    }

    @Override
    public String toString() {
        return samplesDone + "/" + samplesTotal + " samples, " + (answerErrors + judgeErrors) + " errors"
                + (eta == null ? "" : ", eta " + eta.toSeconds() + " s");
    }
}
