package dev.raq.core.perf;

import org.apiguardian.api.API;

import java.util.Locale;

/**
 * How a load test sends its requests: closed loop ({@link #concurrency(int) N users}, each sending its next request
 * as soon as its last one is answered, like EvalScope's {@code --parallel}) or open loop ({@link #poisson(double)
 * Poisson arrivals} at a mean rate, however many are in flight, like vLLM's {@code --request-rate}). Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class LoadProfile {

    private final int concurrency;
    private final double rate;

    private LoadProfile(int concurrency, double rate) {
        this.concurrency = concurrency;
        this.rate = rate;
    }

    /**
     * Closed loop: {@code users} requests in flight at all times.
     *
     * @param users at least 1
     * @throws IllegalArgumentException when {@code users < 1}
     */
    public static LoadProfile concurrency(int users) {
        if (users < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1 but was " + users);
        }
        return new LoadProfile(users, 0);
    }

    /**
     * Open loop: requests start at exponentially distributed intervals of mean {@code 1 / requestsPerSecond}, without
     * waiting for earlier ones (a Poisson process, as vLLM's {@code benchmark_serving} with burstiness 1).
     *
     * @param requestsPerSecond a finite rate &gt; 0
     * @throws IllegalArgumentException when the rate is not finite and positive
     */
    public static LoadProfile poisson(double requestsPerSecond) {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("rate must be a finite number > 0 but was " + requestsPerSecond);
        }
        return new LoadProfile(0, requestsPerSecond);
    }

    /** True for Poisson arrivals, false for a fixed number of users. */
    public boolean isOpenLoop() {
        return rate > 0;
    }

    /** The number of users of a closed loop; 0 for an open loop. */
    public int concurrency() {
        return concurrency;
    }

    /** The mean request rate per second of an open loop; 0 for a closed loop. */
    public double rate() {
        return rate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadProfile && ((LoadProfile) o).concurrency == concurrency
                && Double.compare(((LoadProfile) o).rate, rate) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * concurrency + Double.hashCode(rate);
    }

    /** {@code concurrency 8} or {@code Poisson 2.5 req/s}. */
    @Override
    public String toString() {
        return isOpenLoop() ? String.format(Locale.ROOT, "Poisson %s req/s", LoadTestFormat.number(rate))
                : "concurrency " + concurrency;
    }
}
