package dev.raq.core.model;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * A model call that failed in a way that trying the same request again will not fix: bad credentials
 * (HTTP 401/403), an invalid request (HTTP 400, 413, 422), an unknown model or endpoint (HTTP 404), or a reply the
 * client could not understand.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class NonRetriableModelCallException extends ModelCallException {

    private static final long serialVersionUID = 1L;

    /** Why the call failed. */
    public enum Reason {
        /** HTTP 401 or 403: the key is missing, wrong, or lacks permission. */
        AUTHENTICATION("was refused: check the API key and its permissions"),
        /** HTTP 400, 413 or 422: the server rejected the request as sent. */
        INVALID_REQUEST("rejected the request"),
        /** HTTP 404: the model or the endpoint does not exist. */
        NOT_FOUND("was not found: check the model id and the base URL"),
        /** The server answered, but not in a form the client understands (malformed JSON, no choices). */
        MALFORMED_RESPONSE("sent a reply that could not be read"),
        /** Any other failure that retrying cannot fix. */
        OTHER("failed");

        private final String phrase;

        Reason(String phrase) {
            this.phrase = phrase;
        }
    }

    private final Reason reason;

    /**
     * @param reason       why the call failed
     * @param model        the model called
     * @param attempts     attempts made (≥ 1)
     * @param httpStatus   the HTTP status, or null
     * @param responseBody the error body (truncated here), or null
     * @param cause        the underlying failure, or null
     */
    public NonRetriableModelCallException(Reason reason, String model, int attempts, @Nullable Integer httpStatus,
                                          @Nullable String responseBody, @Nullable Throwable cause) {
        super(describe(Objects.requireNonNull(reason, "reason").phrase, model, attempts, httpStatus, null),
                model, attempts, httpStatus, responseBody, cause);
        this.reason = reason;
    }

    /** Why the call failed. */
    public Reason reason() {
        return reason;
    }

    @Override
    public boolean isRetriable() {
        return false;
    }

    @Override
    public NonRetriableModelCallException withAttempts(int attempts) {
        return new NonRetriableModelCallException(reason, model(), attempts, httpStatus().isPresent()
                ? httpStatus().getAsInt() : null, responseBody().orElse(null), getCause());
    }
}
