package dev.raq.clients.resilience;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long to wait before trying a failed model call again: exponential backoff with jitter, honouring
 * the server's retry-after. Only {@linkplain dev.raq.core.model.ModelCallException#isRetriable() retriable}
 * failures are retried.
 *
 * <p>The wait before retry {@code n} (1-based) is {@code min(maxBackoff, initialBackoff × multiplier^(n-1))},
 * multiplied by a random factor in {@code [1 - jitter, 1 + jitter]}; when the server sent a retry-after, the wait is
 * at least that. A retry-after longer than {@code maxRetryAfter} ends the retries at once (waiting that long is
 * rarely what a caller wants).
 *
 * @param maxAttempts    attempts in total, including the first (≥ 1; 1 means no retry)
 * @param initialBackoff wait before the first retry (positive)
 * @param maxBackoff     longest computed wait (≥ initialBackoff)
 * @param multiplier     growth of the wait per retry (≥ 1)
 * @param jitter         relative random spread of the wait, in [0, 1]
 * @param maxRetryAfter  longest server retry-after that is honoured (positive)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
                          double jitter, Duration maxRetryAfter) {

    /** Default attempts in total: 4. */
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    /** Default first wait: 1 s. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    /** Default longest computed wait: 30 s. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    /** Default growth per retry: 2. */
    public static final double DEFAULT_MULTIPLIER = 2.0;
    /** Default jitter: ±20 %. */
    public static final double DEFAULT_JITTER = 0.2;
    /** Default longest honoured retry-after: 2 min. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofMinutes(2);

    private static final RetryPolicy DEFAULTS = new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF,
            DEFAULT_MAX_BACKOFF, DEFAULT_MULTIPLIER, DEFAULT_JITTER, DEFAULT_MAX_RETRY_AFTER);

    /**
     * Validates every component.
     *
     * @throws IllegalArgumentException naming the first component out of range
     */
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Preconditions.checkArgument(maxAttempts >= 1, () -> "maxAttempts must be >= 1 but was " + maxAttempts);
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initialBackoff must be positive but was " + initialBackoff);
        }
        Preconditions.checkArgument(maxBackoff.compareTo(initialBackoff) >= 0, () ->
                "maxBackoff must be >= initialBackoff (" + initialBackoff
                + ") but was " + maxBackoff);
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1 but was " + multiplier);
        }
        Preconditions.checkArgument(jitter >= 0 && jitter <= 1, () -> "jitter must be in [0, 1] but was " + jitter);
        if (maxRetryAfter.isNegative() || maxRetryAfter.isZero()) {
            throw new IllegalArgumentException("maxRetryAfter must be positive but was " + maxRetryAfter);
        }
    }

    /** The defaults: 4 attempts, 1 s doubling up to 30 s, ±20 % jitter, retry-after honoured up to 2 min. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** A policy that never retries. */
    public static RetryPolicy none() {
        return DEFAULTS.withMaxAttempts(1);
    }

    /** This policy with another number of attempts in total (≥ 1). */
    public RetryPolicy withMaxAttempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, maxRetryAfter);
    }

    /** This policy with other backoff bounds ({@code initial} positive, {@code max} ≥ {@code initial}). */
    public RetryPolicy withBackoff(Duration initial, Duration max) {
        return new RetryPolicy(maxAttempts, initial, max, multiplier, jitter, maxRetryAfter);
    }

    /** This policy with another multiplier (≥ 1). */
    public RetryPolicy withMultiplier(double multiplier) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, maxRetryAfter);
    }

    /** This policy with another jitter, in [0, 1]. */
    public RetryPolicy withJitter(double jitter) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, maxRetryAfter);
    }

    /** This policy with another longest honoured retry-after (positive). */
    public RetryPolicy withMaxRetryAfter(Duration maxRetryAfter) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, maxRetryAfter);
    }

    /**
     * The computed wait before retry {@code retry} (1-based), before the server's retry-after is considered.
     *
     * @param retry  which retry, ≥ 1
     * @param random a uniform draw in [0, 1) for the jitter
     * @return the wait, never negative
     */
    public Duration backoff(int retry, double random) {
        Preconditions.checkArgument(retry >= 1, () -> "retry must be >= 1 but was " + retry);
        double nanos = Math.min(maxBackoff.toNanos(),
                initialBackoff.toNanos() * Math.pow(multiplier, retry - 1.0));
        double factor = 1 + jitter * (2 * random - 1);
        return Duration.ofNanos(Math.max(0, Math.round(nanos * factor)));
    }
}
