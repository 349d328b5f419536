package dev.raq.core.perf;

import org.apiguardian.api.API;

/**
 * Sees a load test's progress after every finished request (from the thread that finished it), for a live display.
 * It must be quick and thread-safe; an exception it throws is logged once and never stops the test.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface LoadTestListener {

    /** Called after every measured request (warm-up requests are not reported). */
    void onProgress(LoadProgress progress);

    /** A listener that does nothing. */
    static LoadTestListener none() {
        return progress -> { };
    }
}
