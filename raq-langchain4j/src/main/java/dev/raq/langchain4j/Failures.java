package dev.raq.langchain4j;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.raq.core.model.ModelCallException;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.model.RetriableModelCallException;
import dev.raq.core.model.RetriableModelCallException.Reason;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place where failures cross between LangChain4j and RAQ, in both directions: LangChain4j's exceptions (and
 * the HTTP status or I/O failure under them) become RAQ's retriable or non-retriable {@link ModelCallException}s,
 * and RAQ's become LangChain4j's {@code RetriableException} / {@code NonRetriableException} subclasses.
 *
 * <p>A failure that came from an HTTP answer keeps its status but neither the error body nor the LangChain4j
 * exception (whose message is that body): the adapter cannot know which secrets a provider echoes there.
 */
final class Failures {

    private Failures() {
    }

    /**
     * The RAQ failure for a LangChain4j one: a {@link ModelCallException} for what LangChain4j raised, the HTTP
     * status under it or a lost connection; any other runtime exception (a programming error) unchanged.
     */
    static RuntimeException toRaq(Throwable failure, String model) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ModelCallException e) {
            return e;
        }
        HttpException http = find(t, HttpException.class);
        if (http != null) {
            return byStatus(http.statusCode(), model);
        }
        if (t instanceof RateLimitException) {
            return retriable(Reason.RATE_LIMITED, model, null, t);
        }
        if (t instanceof dev.langchain4j.exception.TimeoutException || find(t, HttpTimeoutException.class) != null
                || find(t, SocketTimeoutException.class) != null
                || find(t, java.util.concurrent.TimeoutException.class) != null) {
            return retriable(Reason.TIMEOUT, model, null, t);
        }
        if (t instanceof InternalServerException) {
            return retriable(Reason.SERVER_ERROR, model, null, t);
        }
        if (t instanceof AuthenticationException) {
            return nonRetriable(NonRetriableModelCallException.Reason.AUTHENTICATION, model, null, t);
        }
        if (t instanceof ModelNotFoundException || t instanceof UnresolvedModelServerException) {
            return nonRetriable(NonRetriableModelCallException.Reason.NOT_FOUND, model, null, t);
        }
        if (t instanceof InvalidRequestException) {
            return nonRetriable(NonRetriableModelCallException.Reason.INVALID_REQUEST, model, null, t);
        }
        if (find(t, IOException.class) != null) {
            return retriable(Reason.CONNECTION, model, null, t);
        }
        if (t instanceof RetriableException) {
            return retriable(Reason.SERVER_ERROR, model, null, t);
        }
        if (t instanceof LangChain4jException) {
            return nonRetriable(NonRetriableModelCallException.Reason.OTHER, model, null, t);
        }
        if (t instanceof RuntimeException r) {
            return r;
        }
        return nonRetriable(NonRetriableModelCallException.Reason.OTHER, model, null, t);
    }

    /** HTTP status to RAQ failure: 408 and 429 and 5xx may pass when tried again, other 4xx will not. */
    static ModelCallException byStatus(int status, String model) {
        if (status == 429) {
            return retriable(Reason.RATE_LIMITED, model, status, null);
        }
        if (status == 408) {
            return retriable(Reason.TIMEOUT, model, status, null);
        }
        if (status >= 500) {
            return retriable(Reason.SERVER_ERROR, model, status, null);
        }
        if (status == 401 || status == 403) {
            return nonRetriable(NonRetriableModelCallException.Reason.AUTHENTICATION, model, status, null);
        }
        if (status == 404) {
            return nonRetriable(NonRetriableModelCallException.Reason.NOT_FOUND, model, status, null);
        }
        if (status >= 400) {
            return nonRetriable(NonRetriableModelCallException.Reason.INVALID_REQUEST, model, status, null);
        }
        return nonRetriable(NonRetriableModelCallException.Reason.MALFORMED_RESPONSE, model, status, null);
    }

    /** The LangChain4j failure for a RAQ one, with the RAQ failure as its cause. */
    static LangChain4jException toLangChain4j(ModelCallException e) {
        String message = e.getMessage();
        if (e instanceof RetriableModelCallException r) {
            return switch (r.reason()) {
                case RATE_LIMITED -> new RateLimitException(message, e);
                case TIMEOUT -> new dev.langchain4j.exception.TimeoutException(message, e);
                case SERVER_ERROR -> new InternalServerException(message, e);
                case CONNECTION, GARBLED_REPLY -> new RetriableException(message, e);
            };
        }
        if (e instanceof NonRetriableModelCallException n) {
            return switch (n.reason()) {
                case AUTHENTICATION -> new AuthenticationException(message, e);
                case NOT_FOUND -> new ModelNotFoundException(message, e);
                case INVALID_REQUEST -> new InvalidRequestException(message, e);
                case MALFORMED_RESPONSE, OTHER -> new NonRetriableException(message, e);
            };
        }
        return e.isRetriable() ? new RetriableException(message, e) : new NonRetriableException(message, e);
    }

    private static RetriableModelCallException retriable(Reason reason, String model, @Nullable Integer status,
                                                         @Nullable Throwable cause) {
        return new RetriableModelCallException(reason, model, 1, status, null, null, cause);
    }

    private static NonRetriableModelCallException nonRetriable(NonRetriableModelCallException.Reason reason,
                                                               String model, @Nullable Integer status,
                                                               @Nullable Throwable cause) {
        return new NonRetriableModelCallException(reason, model, 1, status, null, cause);
    }

    private static <T extends Throwable> @Nullable T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
