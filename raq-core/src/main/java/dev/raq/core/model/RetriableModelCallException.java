package dev.raq.core.model;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A model call that failed in a way that trying again may fix: rate limited (HTTP 429, with the server's
 * retry-after when it gave one), timed out (HTTP 408 or no answer in time), a server error (HTTP 5xx), a lost
 * connection (reset, or a stream cut in the middle), or a 200 reply cut short or not JSON at all.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RetriableModelCallException extends ModelCallException {

    private static final long serialVersionUID = 1L;

    /** Why the call failed. */
    public enum Reason {
        /** HTTP 429: too many requests or tokens. */
        RATE_LIMITED("was rate limited"),
        /** HTTP 408, or no answer within the timeout. */
        TIMEOUT("timed out"),
        /** HTTP 5xx. */
        SERVER_ERROR("failed with a server error"),
        /** The connection was reset or closed, or a stream ended before it was complete. */
        CONNECTION("lost its connection"),
        /**
         * The server answered HTTP 200 with a body that is not JSON at all (cut short, or a proxy's page): a glitch
         * that a new attempt usually does not repeat. A well-formed reply of the wrong shape is not retried.
         */
        GARBLED_REPLY("sent a reply that was cut short or is not JSON");

        private final String phrase;

        Reason(String phrase) {
            this.phrase = phrase;
        }
    }

    private final Reason reason;
    private final @Nullable Duration retryAfter;

    /**
     * @param reason       why the call failed
     * @param model        the model called
     * @param attempts     attempts made so far (≥ 1)
     * @param httpStatus   the HTTP status, or null
     * @param retryAfter   how long the server asked to wait, or null
     * @param responseBody the error body (truncated here), or null
     * @param cause        the underlying failure, or null
     */
    public RetriableModelCallException(Reason reason, String model, int attempts, @Nullable Integer httpStatus,
                                       @Nullable Duration retryAfter, @Nullable String responseBody,
                                       @Nullable Throwable cause) {
        super(describe(Objects.requireNonNull(reason, "reason").phrase, model, attempts, httpStatus, retryAfter),
                model, attempts, httpStatus, responseBody, cause);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    /** Why the call failed. */
    public Reason reason() {
        return reason;
    }

    @Override
    public boolean isRetriable() {
        return true;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public RetriableModelCallException withAttempts(int attempts) {
        return new RetriableModelCallException(reason, model(), attempts, httpStatus().isPresent()
                ? httpStatus().getAsInt() : null, retryAfter, responseBody().orElse(null), getCause());
    }
}
