package dev.raq.core.perf;

import org.apiguardian.api.API;

import java.time.Duration;

/**
 * A load test's progress so far.
 *
 * @param profile   the load being applied
 * @param finished  measured requests answered or failed so far
 * @param failed    of those, how many failed
 * @param planned   the request count the test stops at, or 0 when it runs for a duration
 * @param elapsed   time since the first measured request was sent
 * @param inFlight  requests sent and not yet answered
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record LoadProgress(LoadProfile profile, long finished, long failed, long planned, Duration elapsed,
                           int inFlight) {
}
