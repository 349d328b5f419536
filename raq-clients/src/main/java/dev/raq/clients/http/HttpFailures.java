package dev.raq.clients.http;

import dev.raq.core.model.ModelCallException;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.model.RetriableModelCallException;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place where HTTP answers and transport failures become {@link ModelCallException}s.
 *
 * <p>400, 413, 422 → invalid request; 401, 403 → authentication; 404 → not found; 408 → timeout; 429 → rate
 * limited (with {@code retry-after-ms} or {@code Retry-After} in seconds or as an HTTP date); 5xx → server error;
 * other statuses → non-retriable "other". Timeouts, resets and cut streams are retriable; unreadable replies are
 * malformed responses. Only the response body is kept, never a request header.
 */
final class HttpFailures {

    private HttpFailures() {
    }

    /** The exception for an HTTP answer with a status other than 2xx. */
    static ModelCallException forStatus(String model, int status, @Nullable String body, HttpHeaders headers) {
        switch (status) {
            case 400:
            case 413:
            case 422:
                return nonRetriable(NonRetriableModelCallException.Reason.INVALID_REQUEST, model, status, body);
            case 401:
            case 403:
                return nonRetriable(NonRetriableModelCallException.Reason.AUTHENTICATION, model, status, body);
            case 404:
                return nonRetriable(NonRetriableModelCallException.Reason.NOT_FOUND, model, status, body);
            case 408:
                return retriable(RetriableModelCallException.Reason.TIMEOUT, model, status, null, body);
            case 429:
                return retriable(RetriableModelCallException.Reason.RATE_LIMITED, model, status,
                        retryAfter(headers).orElse(null), body);
            default:
                if (status >= 500 && status <= 599) {
                    return retriable(RetriableModelCallException.Reason.SERVER_ERROR, model, status,
                            retryAfter(headers).orElse(null), body);
                }
                return nonRetriable(NonRetriableModelCallException.Reason.OTHER, model, status, body);
        }
    }

    /** The exception for a reply that could not be read (malformed JSON, no choices, missing fields). */
    static NonRetriableModelCallException malformed(String model, @Nullable String body, @Nullable Throwable cause) {
        return new NonRetriableModelCallException(NonRetriableModelCallException.Reason.MALFORMED_RESPONSE, model, 1,
                null, body, cause);
    }

    /** The exception for a 200 reply whose body is cut short or not JSON at all: retriable, a passing glitch. */
    static RetriableModelCallException garbled(String model, @Nullable String body, @Nullable Throwable cause) {
        return new RetriableModelCallException(RetriableModelCallException.Reason.GARBLED_REPLY, model, 1, 200, null,
                body, cause);
    }

    /** The exception for a stream that ended before its end marker. */
    static RetriableModelCallException streamCut(String model, String what) {
        return new RetriableModelCallException(RetriableModelCallException.Reason.CONNECTION, model, 1, null, null,
                null, new IOException("the stream ended before " + what));
    }

    /**
     * The exception for a failure of an asynchronous call: a {@link ModelCallException} is passed through, a
     * timeout becomes {@code TIMEOUT}, any other I/O failure {@code CONNECTION}; anything else is returned as a
     * runtime exception unchanged.
     */
    static RuntimeException forThrowable(String model, Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ModelCallException) {
            return (ModelCallException) t;
        }
        if (t instanceof HttpTimeoutException) {
            return retriable(RetriableModelCallException.Reason.TIMEOUT, model, null, null, null, t);
        }
        if (t instanceof IOException) {
            return retriable(RetriableModelCallException.Reason.CONNECTION, model, null, null, null, t);
        }
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        return new CompletionException(t);
    }

    /** The cause behind {@link CompletionException} and {@link ExecutionException} wrappers. */
    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * How long the server asked to wait: {@code retry-after-ms} (milliseconds, sent by OpenAI) first, then
     * {@code Retry-After} as delay-seconds or an HTTP date, measured from the response's {@code Date} header (or
     * now when it has none). Empty when absent or unreadable; never negative.
     */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> ms = headers.firstValue("retry-after-ms");
        if (ms.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(ms.get().trim())))));
            } catch (NumberFormatException e) {
                // fall through to Retry-After
            }
        }
        Optional<String> value = headers.firstValue("retry-after");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.get().trim();
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(v) * 1000))));
        } catch (NumberFormatException e) {
            // an HTTP date
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Instant now = headers.firstValue("date").map(HttpFailures::parseDate).orElseGet(Instant::now);
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Instant parseDate(String date) {
        try {
            return ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    /** The exception for a call that was cancelled or interrupted while waiting. */
    static NonRetriableModelCallException interrupted(String model, Throwable cause) {
        return new NonRetriableModelCallException(NonRetriableModelCallException.Reason.OTHER, model, 1, null,
                cause instanceof CancellationException ? "cancelled" : "interrupted", cause);
    }

    private static NonRetriableModelCallException nonRetriable(NonRetriableModelCallException.Reason reason,
                                                               String model, int status, @Nullable String body) {
        return new NonRetriableModelCallException(reason, model, 1, status, body, null);
    }

    private static RetriableModelCallException retriable(RetriableModelCallException.Reason reason, String model,
                                                         @Nullable Integer status, @Nullable Duration retryAfter,
                                                         @Nullable String body) {
        return retriable(reason, model, status, retryAfter, body, null);
    }

    private static RetriableModelCallException retriable(RetriableModelCallException.Reason reason, String model,
                                                         @Nullable Integer status, @Nullable Duration retryAfter,
                                                         @Nullable String body, @Nullable Throwable cause) {
        return new RetriableModelCallException(reason, model, 1, status, retryAfter, body, cause);
    }
}
