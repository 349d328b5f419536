package dev.raq.clients.resilience;

import org.apiguardian.api.API;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits without holding a thread: the returned future completes once the delay has passed. The decorators use it
 * for every pause (backoff, rate limits), so tests pass a sleeper that records delays and returns at once.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Sleeper {

    /**
     * A future that completes after {@code delay}.
     *
     * @param delay how long to wait; zero or positive
     * @return a future completed normally once the delay has passed
     */
    CompletableFuture<Void> sleep(Duration delay);

    /** The real sleeper, on the JDK's shared delayed executor (one timer thread, no thread per waiting call). */
    static Sleeper system() {
        return delay -> delay.isZero() || delay.isNegative() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, Runnable::run));
    }
}
