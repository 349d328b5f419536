package dev.raq.core.model;

import org.apiguardian.api.API;

import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Why a candidate or judge call failed, in the few classes a user acts on differently: the report counts failures
 * by cause, so that "40 rate limited" and "40 unusable replies" are not one number.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum FailureCause {
    /** HTTP 429: slow down or raise the limit. */
    RATE_LIMITED,
    /** HTTP 408 or no answer in time. */
    TIMEOUT,
    /** HTTP 5xx. */
    SERVER_ERROR,
    /** The connection was refused, reset or cut mid-reply. */
    CONNECTION,
    /** HTTP 401 or 403: the key. */
    AUTHENTICATION,
    /** HTTP 400, 413 or 422: the request as sent. */
    INVALID_REQUEST,
    /** HTTP 404: the model id or the base URL. */
    NOT_FOUND,
    /** The server answered in a form the client could not read (cut short, not JSON, or the wrong shape). */
    MALFORMED_RESPONSE,
    /** A judge answered, but its reply held no usable verdict or ranking (after its re-asks). */
    UNUSABLE_REPLY,
    /** The sample lacks what the prompt or judge needs (a reference answer, a context). */
    MISSING_INPUT,
    /** Anything else: an exception from a client, a judge or a metric. */
    OTHER;

    /** The cause of a thrown failure: the reason of a {@link ModelCallException}, else {@link #OTHER}. */
    public static FailureCause of(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof RetriableModelCallException) {
            return switch (((RetriableModelCallException) t).reason()) {
                case RATE_LIMITED -> RATE_LIMITED;
                case TIMEOUT -> TIMEOUT;
                case SERVER_ERROR -> SERVER_ERROR;
                case CONNECTION -> CONNECTION;
                case GARBLED_REPLY -> MALFORMED_RESPONSE;
            };
        }
        if (t instanceof NonRetriableModelCallException) {
            return switch (((NonRetriableModelCallException) t).reason()) {
                case AUTHENTICATION -> AUTHENTICATION;
                case INVALID_REQUEST -> INVALID_REQUEST;
                case NOT_FOUND -> NOT_FOUND;
                case MALFORMED_RESPONSE -> MALFORMED_RESPONSE;
                case OTHER -> OTHER;
            };
        }
        if (t instanceof java.net.ConnectException || t instanceof java.net.http.HttpConnectTimeoutException) {
            return CONNECTION;
        }
        if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.http.HttpTimeoutException) {
            return TIMEOUT;
        }
        return OTHER;
    }

    /** The cause in words, such as {@code "rate limited"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
