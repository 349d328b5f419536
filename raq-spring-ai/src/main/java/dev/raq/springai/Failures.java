package dev.raq.springai;

import dev.raq.core.model.ModelCallException;
import dev.raq.core.model.NonRetriableModelCallException;
import dev.raq.core.model.RetriableModelCallException;
import dev.raq.core.model.RetriableModelCallException.Reason;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClientResponseException;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where failures cross between Spring AI and RAQ, in both directions. Spring AI's providers throw
 * {@code NonTransientAiException} for every 4xx (429 included) and {@code TransientAiException} otherwise, with the
 * status at the start of the message ({@code "429 - {body}"}); RAQ classifies by that status, so a rate limit is
 * retriable. The error body is not kept: the adapter cannot know which secrets a provider echoes there.
 */
final class Failures {

    private static final Pattern STATUS = Pattern.compile("^\\s*(\\d{3})\\b");
    private static final String WEB_CLIENT_RESPONSE_EXCEPTION =
            "org.springframework.web.reactive.function.client.WebClientResponseException";

    private Failures() {
    }

    /** The RAQ failure for a Spring AI one; any other runtime exception (a programming error) unchanged. */
    static RuntimeException toRaq(Throwable failure, String model) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ModelCallException e) {
            return e;
        }
        Integer responseStatus = responseStatus(t);
        if (responseStatus != null) {
            return byStatus(responseStatus, model);
        }
        if (t instanceof NonTransientAiException || t instanceof TransientAiException) {
            Integer status = status(t.getMessage());
            if (status != null) {
                return byStatus(status, model);
            }
        }
        if (find(t, HttpTimeoutException.class) != null || find(t, SocketTimeoutException.class) != null
                || find(t, java.util.concurrent.TimeoutException.class) != null) {
            return new RetriableModelCallException(Reason.TIMEOUT, model, 1, null, null, null, t);
        }
        if (find(t, IOException.class) != null) {
            return new RetriableModelCallException(Reason.CONNECTION, model, 1, null, null, null, t);
        }
        if (t instanceof TransientAiException) {
            return new RetriableModelCallException(Reason.SERVER_ERROR, model, 1, null, null, null, null);
        }
        if (t instanceof NonTransientAiException) {
            return new NonRetriableModelCallException(NonRetriableModelCallException.Reason.OTHER, model, 1, null,
                    null, null);
        }
        if (t instanceof RuntimeException r) {
            return r;
        }
        return new NonRetriableModelCallException(NonRetriableModelCallException.Reason.OTHER, model, 1, null, null, t);
    }

    /**
     * The status of a Spring HTTP client's response exception in the chain: {@code RestClientResponseException}
     * (blocking calls) or WebFlux's {@code WebClientResponseException} (streams; read reflectively, since WebFlux is
     * the provider's dependency, not this module's).
     */
    private static @Nullable Integer responseStatus(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof RestClientResponseException rest) {
                return rest.getStatusCode().value();
            }
            if (c.getClass().getName().startsWith(WEB_CLIENT_RESPONSE_EXCEPTION)) {
                try {
                    Object status = c.getClass().getMethod("getStatusCode").invoke(c);
                    if (status instanceof HttpStatusCode code) {
                        return code.value();
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static @Nullable Integer status(@Nullable String message) {
        if (message == null) {
            return null;
        }
        Matcher m = STATUS.matcher(message);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** HTTP status to RAQ failure: 408 and 429 and 5xx may pass when tried again, other 4xx will not. */
    static ModelCallException byStatus(int status, String model) {
        if (status == 429) {
            return new RetriableModelCallException(Reason.RATE_LIMITED, model, 1, status, null, null, null);
        }
        if (status == 408) {
            return new RetriableModelCallException(Reason.TIMEOUT, model, 1, status, null, null, null);
        }
        if (status >= 500) {
            return new RetriableModelCallException(Reason.SERVER_ERROR, model, 1, status, null, null, null);
        }
        NonRetriableModelCallException.Reason reason = status == 401 || status == 403
                ? NonRetriableModelCallException.Reason.AUTHENTICATION
                : status == 404 ? NonRetriableModelCallException.Reason.NOT_FOUND
                : status >= 400 ? NonRetriableModelCallException.Reason.INVALID_REQUEST
                : NonRetriableModelCallException.Reason.MALFORMED_RESPONSE;
        return new NonRetriableModelCallException(reason, model, 1, status, null, null);
    }

    /**
     * The Spring AI failure for a RAQ one, with the RAQ failure as its cause: {@code TransientAiException} when
     * trying again may help (so Spring AI's retry templates retry it), {@code NonTransientAiException} otherwise.
     */
    static RuntimeException toSpringAi(ModelCallException e) {
        String message = e.httpStatus().isPresent() ? e.httpStatus().getAsInt() + " - " + e.getMessage()
                : e.getMessage();
        return e.isRetriable() ? new TransientAiException(message, e) : new NonTransientAiException(message, e);
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
