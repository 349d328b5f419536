package dev.raq.core;

import org.apiguardian.api.API;

/**
 * Told how an evaluation progresses. Calls are serialized (never two at once) but come from the evaluation's worker
 * threads, so a listener should return quickly. A listener that throws is reported through {@link System.Logger}
 * and never stops the run.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ProgressListener {

    /**
     * Called after every finished answer and sample.
     *
     * @param progress the current counts and the estimated time to finish
     */
    void onProgress(Progress progress);

    /**
     * Called while the report is built, after every sample is done: a report of a million samples takes seconds.
     *
     * @param step  what is being computed, such as {@code "significance test"}
     * @param done  steps finished before this one ({@code done == total} when the report is built)
     * @param total the number of steps
     */
    default void onReportStep(String step, int done, int total) {
    }
}
