package dev.raq.core.model;

import dev.raq.commons.Preconditions;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A model call that failed. Subclasses say what the caller can do next: {@link RetriableModelCallException}s
 * (rate limited, timed out, server error, connection lost) may succeed when tried again;
 * {@link NonRetriableModelCallException}s (authentication, invalid request, unknown model) will not.
 *
 * <p>The message names the model, the attempts made and the last HTTP status where there was one. The error body
 * the server sent is kept truncated to {@value #MAX_BODY_CHARS} characters; credentials are never part of it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class ModelCallException extends RaqException {

    /** The longest error body kept, in characters. */
    public static final int MAX_BODY_CHARS = 2000;

    private static final long serialVersionUID = 1L;

    private final String model;
    private final int attempts;
    private final @Nullable Integer httpStatus;
    private final @Nullable String responseBody;

    /**
     * @param message      what went wrong, for a user
     * @param model        the model that was called ({@code "?"} when unknown)
     * @param attempts     how many attempts were made (≥ 1)
     * @param httpStatus   the last HTTP status, or null when the failure was not an HTTP answer
     * @param responseBody the error body the server sent, or null; truncated here
     * @param cause        the underlying failure, or null
     */
    protected ModelCallException(String message, String model, int attempts, @Nullable Integer httpStatus,
                                 @Nullable String responseBody, @Nullable Throwable cause) {
        super(message, cause);
        Preconditions.checkArgument(attempts >= 1, () -> "attempts must be >= 1 but was " + attempts);
        this.model = model;
        this.attempts = attempts;
        this.httpStatus = httpStatus;
        this.responseBody = truncate(responseBody);
    }

    /** True when trying the same request again may succeed. */
    public abstract boolean isRetriable();

    /**
     * The same failure, reported after {@code attempts} attempts (used by retrying decorators for the final
     * failure).
     */
    public abstract ModelCallException withAttempts(int attempts);

    /** The model that was called. */
    public String model() {
        return model;
    }

    /** How many attempts were made before giving up. */
    public int attempts() {
        return attempts;
    }

    /** The last HTTP status, if the failure was an HTTP answer. */
    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** The error body the server sent, truncated to {@value #MAX_BODY_CHARS} characters, if any. */
    public Optional<String> responseBody() {
        return Optional.ofNullable(responseBody);
    }

    /** How long the server asked the caller to wait before trying again, if it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** A message with the standard context: model, attempts, status, retry-after. */
    protected static String describe(String what, String model, int attempts, @Nullable Integer httpStatus,
                                     @Nullable Duration retryAfter) {
        StringBuilder sb = new StringBuilder("model '").append(model).append("' ").append(what);
        if (attempts > 1) {
            sb.append(" after ").append(attempts).append(" attempts");
        }
        if (httpStatus != null || retryAfter != null) {
            sb.append(" (");
            if (httpStatus != null) {
                sb.append("last: HTTP ").append(httpStatus);
            }
            if (retryAfter != null) {
                sb.append(httpStatus != null ? ", " : "").append("retry after ").append(formatDuration(retryAfter));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    private static String formatDuration(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    private static @Nullable String truncate(@Nullable String body) {
        if (body == null || body.length() <= MAX_BODY_CHARS) {
            return body;
        }
        return body.substring(0, MAX_BODY_CHARS) + "…[truncated " + (body.length() - MAX_BODY_CHARS) + " chars]";
    }
}
